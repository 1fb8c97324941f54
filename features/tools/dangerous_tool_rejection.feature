@e2e @tool_calling @core
Feature: Dangerous tools are refused by default
  Deleting files or running shell commands can do irreversible damage. Unless the
  configuration explicitly allows a dangerous tool by name, the agent refuses it, even
  if the model insists, and nobody is even asked.

  Background:
    Given a workspace folder containing the file "notes.txt" with "Meeting moved to Thursday"
    And an agent with the built-in file tools on that workspace

  @scripted-only
  Scenario: Deleting a file is refused and the file stays
    The scripted model plays a model that asks for a dangerous action.

    When the model asks to call "delete_file" with:
      | argument | value     |
      | path     | notes.txt |
    Then the call to "delete_file" was rejected
    And nobody was asked for approval
    And the workspace contains the file "notes.txt"
    And the model was told the call was refused
    And the audit log records "delete_file" as "rejected by policy"
