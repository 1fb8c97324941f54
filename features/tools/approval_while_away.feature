@e2e @tool_calling @core
Feature: An approval can wait for a person who is away
  Nobody may be there when the agent asks to write a file. With an approval store the
  call is recorded as pending, the run stops with a checkpoint, and a person decides
  later through the store (from an operator's tool or another process). A new agent
  then resumes the run: the waiting call is answered as the person decided, and nothing
  ran before that decision.

  Background:
    Given a workspace folder containing the file "notes.txt" with "Meeting moved to Thursday"

  Scenario Outline: A write waits in the store until a person decides it
    The model is required to call write_file on its first turn; the file name and the text
    are its own. The store is a JSON file in the agent's data folder, or memory shared with
    the person's tool.

    Given an agent with the built-in file tools on that workspace, whose approval requests are kept in "<store>"
    When the agent is told to start with "write_file" on the task "Write a one-line weekly summary to summary.md" while nobody is there to answer
    Then the run stopped with a checkpoint because "write_file" waits for approval
    And the workspace is as it was before the run
    And exactly one approval request is pending, for that "write_file" call
    And the audit log records "write_file" as "waiting for approval"
    When the person answers "<answer>" to the pending request and a new agent resumes the run
    Then the request the person decided is no longer pending
    And the decision was taken from the store
    And the call to "write_file" was <outcome> after the person's answer
    And the workspace <change>

    Examples:
      | store  | answer  | outcome | change                                     |
      | a file | approve | run     | changed only where the approved call wrote |
      | memory | deny    | not run | is as it was before the run                |
