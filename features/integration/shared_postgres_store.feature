@e2e @integration @slow @postgres
Feature: Agents in several processes share one PostgreSQL database
  With KAIZEN_STORE pointing at PostgreSQL, agents running in different processes (or on
  different machines) keep their memory, checkpoints, tool approvals and audit log in one
  database: what one process commits, every other process sees, and nothing is lost or
  numbered twice when they write at the same time.

  Scenario: Agent processes writing one memory session at the same time lose and repeat nothing
    Given a PostgreSQL database shared by agent processes
    When 2 agent processes each run 2 agents storing 200 turns in the session "team"
    Then the session "team" holds 800 turns numbered without gaps and with no repeated id
    And each of the 4 agents has its own checkpoint thread ending at turn 200

  @scripted-model
  Scenario: A dangerous tool call waits for an approval given from another process
    The scripted model asks to delete the file on its first turn: a real model does not
    call a given tool on demand. The point is where the approval, the checkpoint and the
    audit trail live, and that another process can act on them.

    Given a PostgreSQL database shared by agent processes
    And a workspace file "old.log"
    When an agent process asks to delete "old.log" and stops to wait for approval
    Then "old.log" still exists and one approval request for "delete_file" is pending
    When an operator process approves the pending request as "ops"
    And another agent process resumes the stopped run
    Then "old.log" has been deleted
    And the audit log shows "delete_file" pending, approved by "store:ops" and succeeded
    And the session "cleaner" remembers the tool call and its result
