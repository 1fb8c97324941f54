@e2e @tool_calling @core @mcp
Feature: MCP servers set up in mcp.json follow the approval policy
  Teams describe their MCP servers in an mcp.json file, as other agent tools do, and add
  how dangerous each tool is. The agent starts the servers the file names, offers their
  tools to the model under the file's names, and applies the approval policy to every
  call by the level the file gives the tool. A tool the file does not rate gets the
  file's default level. Needs Node.js and the reference MCP filesystem server (installed
  by `npm ci --prefix tools/node`).

  Background:
    Given a workspace folder containing the file "notes.txt" with "Meeting moved to Thursday"
    And an mcp.json that starts the MCP filesystem server on that workspace as "fs" with:
      """
      "toolNamePrefix": "fs_",
      "dangerLevels": { "read_text_file": "Safe", "list_directory": "Safe", "write_file": "Medium" },
      "defaultDangerLevel": "Critical"
      """

  Scenario Outline: Each MCP tool is handled by the level mcp.json gives it
    The model is required to call the tool on its first turn; the arguments are its own.
    The Safe read runs without asking anyone, the person says no to the Medium write, and
    the move, which the file rates only through its Critical default, is refused unasked.

    Given the person reviewing tool calls will answer "deny"
    And the agent's tools are loaded from that mcp.json
    When the agent is told to start with "<tool>" on the task "<task>"
    Then the MCP tools carry the prefix and the danger levels of mcp.json
    And the call to "<tool>" <handling>
    And the audit log records "<tool>" as "<decision>"
    And the workspace is as it was before the run

    Examples:
      | tool              | task                                          | handling                                 | decision           |
      | fs_read_text_file | Read notes.txt and say what it announces      | was allowed without asking for approval  | allowed by policy  |
      | fs_write_file     | Write a one-line weekly summary to summary.md | was not run after the person's answer    | denied by person   |
      | fs_move_file      | Rename notes.txt to old-notes.txt             | was rejected                             | rejected by policy |

  Scenario: An error the MCP server reports fails the call, and the model is told what went wrong
    The model is required to call fs_read_text_file on its first turn, on a workspace that
    holds no file, so whatever path it names the server answers with an error instead of
    the file's text. The agent records the call as failed and hands the error to the model.

    Given the workspace folder holds no file at all
    And the agent's tools are loaded from that mcp.json
    When the agent is told to start with "fs_read_text_file" on the task "Read report.txt and say what it says"
    Then the audit log records "fs_read_text_file" as "failed"
    And the failure recorded for "fs_read_text_file" says the tool "read_text_file" on the MCP server "fs" reported an error
    And the model was given the failure recorded for "fs_read_text_file" as the result of that call

  Scenario: A program and a working folder written relative to mcp.json are found from its folder
    Teams keep a server's wrapper beside mcp.json and write "./servers/…": the agent looks
    for it, and for the server's working folder, from the folder of mcp.json, whatever folder
    the agent itself runs in. The call is handed straight to the agent's tool executor; no
    model is asked.

    Given the "fs" server's program is a link beside mcp.json, which names it "./servers/filesystem"
    And the "fs" server in that mcp.json sets "cwd" to "./workspace"
    And the agent's tools are loaded from that mcp.json
    When a call to "fs_read_text_file" arrives with the arguments '{"path":"notes.txt"}'
    Then the call succeeded, and what goes back to the model says: Meeting moved to Thursday

  Scenario Outline: A mistake in mcp.json is reported with the file, the setting and the fix
    No server is started and no model is asked: the file is checked before anything runs.

    Given the "fs" server in that mcp.json sets "<setting>" to <value>
    When the agent's tools are loaded from that mcp.json
    Then loading fails with an error naming the file, "mcpServers.fs.<setting>" and "<fix>"
    And no tool was registered

    Examples:
      | setting               | value                 | fix                                           |
      | defaultDangerLevel    | "Risky"               | use one of Safe, Low, Medium, High, Critical  |
      | startupTimeoutSeconds | 0                     | must be a positive number                     |
      | dangerLevels          | { "write_file": 3 }   | must be an object of strings                  |
