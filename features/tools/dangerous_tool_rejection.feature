@e2e @tool_calling @core
Feature: Dangerous tools are refused by default
  Running programs or deleting files can do irreversible damage. The most dangerous
  tools (running any command) are refused outright unless the configuration allows them
  by name, even if the model insists, and nobody is even asked. Destructive tools such as
  deleting a file never run without a person saying yes.

  Background:
    Given a workspace folder containing the file "notes.txt" with "Meeting moved to Thursday"
    And an agent with the built-in file and command tools on that workspace

  Scenario: Running a command is refused and the model is told so
    The model is required to call run_command on its first turn; the command is its own.

    When the agent is told to start with "run_command" on the task "Remove notes.txt with a shell command"
    Then the call to "run_command" was rejected
    And nobody was asked for approval
    And the workspace contains the file "notes.txt"
    And the model was told the call was refused
    And the audit log records "run_command" as "rejected by policy"

  @scripted-model
  Scenario: A command that would delete a file is refused and the file stays
    Only the scripted model asks for exactly `rm notes.txt`, the command that would
    destroy the file if the policy let it through.

    When the model asks to call "run_command" with:
      | argument | value        |
      | command  | rm notes.txt |
    Then the call to "run_command" was rejected
    And nobody was asked for approval
    And the workspace contains the file "notes.txt"
    And the audit log records "run_command" as "rejected by policy"

  Scenario: Deleting a file is refused when the person says no, and the file stays
    The model is required to call delete_file on its first turn; the path is its own.

    Given the person reviewing tool calls will answer "deny"
    When the agent is told to start with "delete_file" on the task "Delete notes.txt"
    Then approval was asked for "delete_file"
    And the call to "delete_file" was rejected
    And the workspace contains the file "notes.txt"
    And the audit log records "delete_file" as "denied by person"
