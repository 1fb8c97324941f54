@e2e @checkpoint @core
Feature: Automatic checkpoints while an agent works
  An autonomous agent can run for hours. If the machine restarts or the user stops it,
  the work done so far must not be lost. The agent therefore saves a **checkpoint**
  (a complete snapshot of its state) every few turns, without anyone asking for it.

  The checkpoint interval is a setting: with an interval of 5, a snapshot is saved
  after turns 5, 10, 15 and so on.

  @scripted-only
  Scenario: An agent saves checkpoints on its own while it works
    The run must last exactly 10 turns. A real model decides by itself when the task
    is done, so only the scripted model can guarantee the length of the run.

    Given an agent that saves a checkpoint every 5 turns
    When the agent works on "Process data" for 10 turns
    Then at least 2 checkpoints have been saved
    And every checkpoint belongs to the same run
    And the latest checkpoint records turn 10

  @scripted-only
  Scenario Outline: How many checkpoints a run leaves behind
    An automatic checkpoint is taken each time the turn count reaches a multiple of the
    interval, never for an incomplete interval (the final checkpoint a run saves when it
    ends is not counted here). The run length is fixed by the scripted model.

    Given an agent that saves a checkpoint every <interval> turns
    When the agent works on "Process data" for <turns> turns
    Then exactly <checkpoints> automatic checkpoints have been saved

    Examples:
      | interval | turns | checkpoints |
      | 5        | 10    | 2           |
      | 3        | 9     | 3           |
      | 10       | 5     | 0           |
