@e2e @tool_calling @core
Feature: Moderate tools need a human's approval
  Writing a file changes the user's world. The agent may propose it, but a person
  decides. A refusal is not an error: the agent hears "no" and carries on.

  Background:
    Given a workspace folder containing the file "notes.txt" with "Meeting moved to Thursday"
    And an agent with the built-in file tools on that workspace

  Scenario Outline: Writing a file runs only when a person approves it
    The model is required to call write_file on its first turn; the file name and the
    text are its own. Whatever it names, an approved call writes exactly that and nothing
    else; a denied one changes nothing at all.

    Given the person reviewing tool calls will answer "<answer>"
    When the agent is told to start with "write_file" on the task "Write a one-line weekly summary to summary.md"
    Then approval was asked for "write_file"
    And the call to "write_file" was <outcome> after the person's answer
    And the workspace <change>
    And the audit log records "write_file" as "<decision>"

    Examples:
      | answer  | outcome  | change                                                   | decision           |
      | approve | run      | holds what the approved call wrote, at the path it named | approved by person |
      | deny    | not run  | is as it was before the run                              | denied by person   |
