@e2e @checkpoint @core
Feature: Automatic checkpoints while an agent works
  An autonomous agent can run for hours. If the machine restarts or the user stops it,
  the work done so far must not be lost. The agent therefore saves a **checkpoint**
  (a complete snapshot of its state) every few turns, without anyone asking for it.

  The checkpoint interval is a setting: with an interval of 5, a snapshot is saved
  after turns 5, 10, 15 and so on.

  Scenario: Checkpoints follow the turns the run really took
    The model decides by itself when the task is done; whatever it decides, there is one
    automatic checkpoint per completed interval and the last one holds the run's last turn.

    Given an agent that saves a checkpoint every 1 turns
    When the agent works on "Sort the support tickets by urgency" for at most 3 turns
    Then an automatic checkpoint was saved after every 1 turns of the run
    And every checkpoint belongs to the same run
    And the latest checkpoint records the last turn of the run

  Scenario: A run forked from a checkpoint continues on its own thread
    A fork is a new thread that starts from any checkpoint: the original thread is left
    as it was, so two approaches can be tried from the same point.

    Given an agent that saves a checkpoint every 1 turns
    And the agent has worked on "Draft the release notes" for at most 2 turns
    When the run is forked from its first checkpoint and the fork is resumed for 1 more turn
    Then the fork is a new thread whose first checkpoint points to the one it was forked from
    And the fork started from the state of that checkpoint
    And the original thread's checkpoints are unchanged

  Scenario: A damaged checkpoint is refused and an earlier one is named instead
    A checkpoint is verified against its checksum when loaded. A damaged one is never
    resumed from silently: the error names the damaged checkpoint and the last good one.

    Given an agent that saves a checkpoint every 1 turns
    And the agent has worked on "Reconcile the invoices" for at most 2 turns
    And a manual checkpoint was saved after the run
    When the bytes of the newest checkpoint are damaged on disk
    Then loading the newest checkpoint fails because it is corrupted
    And the error names the previous checkpoint as the one to resume from
    And resuming from that previous checkpoint works

  Scenario: An agent saves checkpoints on its own while it works
    The agent is required to call one of its tools on every turn (a tool choice any user
    can require of a model), so it cannot finish early and the run lasts its turn limit.

    Given an agent that saves a checkpoint every 3 turns
    And the agent must call one of its read-only file tools on every turn
    When the agent works on "Process data" for 6 turns
    Then at least 2 checkpoints have been saved
    And every checkpoint belongs to the same run
    And the latest checkpoint records turn 6

  Scenario Outline: How many checkpoints a run leaves behind
    An automatic checkpoint is taken each time the turn count reaches a multiple of the
    interval, never for an incomplete interval (the final checkpoint a run saves when it
    ends is not counted here). A tool call is required on every turn, so the run lasts
    exactly its turn limit.

    Given an agent that saves a checkpoint every <interval> turns
    And the agent must call one of its read-only file tools on every turn
    When the agent works on "Process data" for <turns> turns
    Then exactly <checkpoints> automatic checkpoints have been saved

    Examples:
      | interval | turns | checkpoints |
      | 2        | 4     | 2           |
      | 3        | 3     | 1           |
      | 4        | 3     | 0           |
