@e2e @tool_calling @core
Feature: Chaining tools to finish a task
  Most useful work takes several tool calls in a row: look around, read, then act.
  The agent feeds each result back to the model, which decides the next call, until the
  task is done or the turn budget runs out.

  @scripted-model
  Scenario: List, read, then write a summary in one run
    The scripted model decides the chain of calls; this checks that results flow from
    one call to the next, not the model's judgement.

    Given a workspace folder containing these files:
      | file        | content                        |
      | monday.txt  | Deployed version 2.3           |
      | tuesday.txt | Rolled back version 2.3        |
    And an agent with the built-in file tools on that workspace
    And every write is approved
    When the model chains these calls:
      | tool           | argument                                   |
      | list_directory | .                                          |
      | read_file      | monday.txt                                 |
      | read_file      | tuesday.txt                                |
      | write_file     | week.md (the texts read, one per line)     |
    Then the calls ran in that order
    And the workspace file "week.md" contains "Deployed version 2.3" and "Rolled back version 2.3"

  @scripted-model @mcp
  Scenario: Tools offered by an MCP server are used like built-in ones
    Needs Node.js and the reference MCP filesystem server (installed by
    `npm ci --prefix tools/node`). The scripted model asks for the calls.

    Given a workspace folder containing the file "notes.txt" with "Meeting moved to Thursday"
    And the MCP filesystem server is connected on that workspace
    When the model asks to call the MCP tool "read_text_file" with:
      | argument | value                     |
      | path     | <workspace>/notes.txt     |
    Then the model received "Meeting moved to Thursday" as the tool result

  @mcp
  Scenario: A tool offered by an MCP server goes through the approval policy
    The model is required to call the server's write_file tool on its first turn; the path
    and the text are its own. Writing is not declared safe, so a person must say yes: here
    they say no, and the server never receives the call.

    Given a workspace folder containing the file "notes.txt" with "Meeting moved to Thursday"
    And the MCP filesystem server is connected on that workspace
    And the person reviewing tool calls will answer "deny"
    When the agent is told to start with "write_file" on the task "Write a one-line summary of the week to summary.md"
    Then approval was asked for "write_file"
    And the call to "write_file" was not run after the person's answer
    And the audit log records "write_file" as "denied by person"
