@e2e @tool_calling @core
Feature: A command stops at the deadline the model gives it
  When a team lets the agent run commands, the model may say how many seconds a command
  may take. A command still running at that deadline is stopped together with every
  process it started, and the model is told so. A stuck program can neither hold up the
  agent nor go on changing the workspace behind its back.

  @scripted-model
  Scenario: A command that outlasts the deadline the model asked for is killed
    The scripted model plays a model that gives a command a one-second deadline: no real
    model picks a deadline on demand. The command starts a helper process that would write
    done.txt after 5 seconds, well within the agent's own limit for commands, so the file
    appears unless the command and its helper were stopped at the deadline.

    Given the workspace folder holds no file at all
    And an agent with the built-in file and command tools on that workspace
    And the approval policy lets the person approve the Critical tool "run_command"
    And the person reviewing tool calls will answer "approve"
    When the model asks to call "run_command" with the arguments '{"command": "sh", "arguments": ["-c", "(sleep 5; touch done.txt) & wait"], "timeout_seconds": 1}'
    Then approval was asked for "run_command"
    And the call to "run_command" failed with an error mentioning "ran longer than 1 s and was killed"
    And the audit log records "run_command" as "failed"
    And the workspace still has no file "done.txt" 6 seconds later
