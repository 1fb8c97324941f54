@e2e @tool_calling @core
Feature: Moderate tools need a human's approval
  Writing a file changes the user's world. The agent may propose it, but a person
  decides. A refusal is not an error: the agent hears "no" and carries on.

  Background:
    Given a workspace folder containing the file "notes.txt" with "Meeting moved to Thursday"
    And an agent with the built-in file tools on that workspace

  Scenario Outline: Writing a file runs only when a person approves it
    The model is required to call write_file on its first turn; the file name and the
    text are its own. An approved call writes exactly what it names and nothing else (or,
    for a path outside the workspace, is refused by the tool and changes nothing); a
    denied one changes nothing at all.

    Given the person reviewing tool calls will answer "<answer>"
    When the agent is told to start with "write_file" on the task "Write a one-line weekly summary to summary.md"
    Then approval was asked for "write_file"
    And the call to "write_file" was <outcome> after the person's answer
    And the workspace <change>
    And the audit log records "write_file" as "<decision>"

    Examples:
      | answer  | outcome  | change                                       | decision           |
      | approve | run      | changed only where the approved call wrote | approved by person |
      | deny    | not run  | is as it was before the run                  | denied by person   |

  @scripted-model
  Scenario: An approved write of a named file changes the workspace
    Checking the file's text needs a write of exactly summary.md, which a real model does
    not ask for on demand (the local model named '/' here).

    Given the person reviewing tool calls will answer "approve"
    When the model asks to call "write_file" with:
      | argument | value            |
      | path     | summary.md       |
      | content  | # Weekly summary |
    Then approval was asked for "write_file"
    And the call to "write_file" was executed
    And the workspace file "summary.md" holds exactly "# Weekly summary"
    And the audit log records "write_file" as "approved by person"
