@tools @core
Feature: Tool approval
  Dangerous tools need a human approval.

  Scenario: A dangerous tool waits for approval
    Given the tool "delete_file" is dangerous
    When the agent calls "delete_file"
    Then the call waits for approval
