@e2e @tool_calling @core
Feature: Safe tools run without asking
  Reading a file or listing a folder cannot harm anything, so the agent may use such
  tools on its own. Asking a human every time would make the agent useless.

  Background:
    Given a workspace folder containing the file "notes.txt" with "Meeting moved to Thursday"
    And an agent with the built-in file tools on that workspace

  Scenario: A safe tool runs without approval and its result goes back to the model
    The model is required to call read_file on its first turn (a tool choice any user can
    require of a model); which file it asks for is its own choice. It is next given exactly
    what that file holds, or an error naming it when there is no such file.

    When the agent is told to start with "read_file" on the task "Read notes.txt and say what it announces"
    Then the call to "read_file" was allowed without asking for approval
    And the model was given exactly what the file it named holds
    And the audit log records "read_file" as "allowed by policy"

  @scripted-model
  Scenario Outline: A file outside the workspace cannot be read
    The scripted model plays a model that tries to escape its workspace, a request no
    real model makes on demand: by climbing out of it, or by naming a file from the root
    of the disk or from the home folder.

    When the model asks to call "read_file" with:
      | argument | value  |
      | path     | <path> |
    Then the call to "read_file" failed with an error mentioning "<reason>"
    And the run continued to its end

    Examples:
      | path               | reason                      |
      | ../../etc/passwd   | may not leave the workspace |
      | /etc/passwd        | is an absolute path         |
      | ~/.ssh/id_rsa      | is an absolute path         |
      | C:/Windows/win.ini | is an absolute path         |

  @scripted-model
  Scenario: A call whose arguments break the tool's schema never runs, and the model is told why
    The local model's replies are bound to each tool's schema, so only the scripted model
    can send a number where a path belongs and leave out a required argument.

    When the model asks to call "write_file" with the arguments '{"path": 42}'
    Then the call to "write_file" failed with an error mentioning "arguments.path must be 'string' but is a number (42)"
    And the model received "arguments.content is required but missing" as the tool result
    And nobody was asked for approval
    And the audit log records "write_file" as "refused for invalid arguments"
    And the workspace is as it was before the run

  Scenario Outline: A file that also has a name outside the workspace is neither read nor changed
    A second name (a hard link) can put a file outside the workspace behind a name inside
    it, so the file tools refuse any file with more than one name. The calls are handed
    straight to the agent's tool executor; no model is asked. The person reviewing tool
    calls approves the changes.

    Given "notes.txt" also has a name outside the workspace, "elsewhere/notes.txt" (a hard link)
    And the person reviewing tool calls will answer "approve"
    When a call to "<tool>" arrives with the arguments '<arguments>'
    Then the call failed, and what goes back to the model says: 'notes.txt' has 2 hard links
    And the file's name outside the workspace still holds "Meeting moved to Thursday"

    Examples:
      | case                 | tool       | arguments                                                   |
      | reading it           | read_file  | {"path":"notes.txt"}                                        |
      | writing over it      | write_file | {"path":"notes.txt","content":"Meeting cancelled"}          |
      | adding to it         | write_file | {"path":"notes.txt","content":" (cancelled)","append":true} |
      | deleting it          | delete_file | {"path":"notes.txt"}                                       |
