@e2e @tool_calling @core
Feature: Safe tools run without asking
  Reading a file or listing a folder cannot harm anything, so the agent may use such
  tools on its own. Asking a human every time would make the agent useless.

  Background:
    Given a workspace folder containing the file "notes.txt" with "Meeting moved to Thursday"
    And an agent with the built-in file tools on that workspace

  @scripted-only
  Scenario: A safe tool runs without approval and its result reaches the model
    Which tool a model chooses is its own decision; the scripted model asks for this
    exact call so that the approval rule itself is what is tested.

    When the model asks to call "read_file" with:
      | argument | value     |
      | path     | notes.txt |
    Then the call to "read_file" ran without asking for approval
    And the model received "Meeting moved to Thursday" as the tool result
    And the audit log records "read_file" as "allowed by policy"

  @scripted-only
  Scenario: A file outside the workspace cannot be read
    The scripted model plays a model that tries to escape its workspace.

    When the model asks to call "read_file" with:
      | argument | value            |
      | path     | ../../etc/passwd |
    Then the call to "read_file" failed with an error mentioning "may not leave the workspace"
    And the run continued to its end
