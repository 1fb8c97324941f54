@e2e @tool_calling @core
Feature: A failed tool call is tried again only when that can help
  A tool can fail for a moment (a busy file, a slow service) or for good (a missing file).
  The agent tries a failed call again, after a short pause, only when the failure may pass
  and the tool is rated safe to repeat (Safe or Low): repeating a write or a command could
  do it twice. A try that takes longer than the time limit counts as a failure that may
  pass. The audit log says how the call ended and after how many tries.

  Scenario Outline: A failed call is tried again only when that can help
    The model is required to call the tool on its only turn; the arguments are its own.
    The person reviewing calls approves the Medium tool.

    Given a <level> tool "fetch_report" that <failure>
    And the person reviewing tool calls will answer "approve"
    When the agent's only turn is required to call "fetch_report" on the task "Fetch the weekly report"
    Then "fetch_report" was tried <tries> times
    And the call to "fetch_report" <status> and the audit log says "<detail>"
    And the executor paused <pauses> times for 200 ms between the tries

    Examples:
      | case                                                  | level  | failure                                                   | tries | status    | detail                               | pauses |
      | A file busy twice is tried a third time               | Safe   | fails 2 times with a busy file                            | 3     | succeeded | succeeded on attempt 3               | 2      |
      | A file busy every time is given up after three tries  | Low    | fails 5 times with a busy file                            | 3     | failed    | failed after 3 attempt(s): IOException | 2      |
      | A missing file is not tried again                     | Safe   | fails 5 times with a missing file                         | 1     | failed    | failed: FileNotFoundException        | 0      |
      | A Medium tool is not repeated, even for a busy file   | Medium | fails 1 time with a busy file                             | 1     | failed    | failed after 1 attempt(s): IOException | 0      |
      | A try that runs out of time is tried again            | Safe   | hangs 1 time, with a time limit of 1 second per try       | 2     | succeeded | succeeded on attempt 2               | 1      |
