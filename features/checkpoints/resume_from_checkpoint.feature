@e2e @checkpoint @core
Feature: Resuming an interrupted run from its last checkpoint
  When a run is stopped halfway, the user expects to pick it up where it stopped,
  not to start again and not to pay twice for the same work. Resuming continues
  at the turn after the last checkpoint and ends exactly as an uninterrupted run would.

  Scenario: A stopped run resumes after its checkpoint without redoing finished work
    The model decides how long the work takes; whatever it decides, the resumed run goes
    on from the checkpoint on the same thread and never repeats a finished turn.

    Given an agent that saves a checkpoint every 1 turns
    When the agent works on "Summarise the quarterly figures" and is stopped gracefully during turn 1
    Then the run stops with a checkpoint at turn 1
    When the user resumes the run from its latest checkpoint
    Then no turn up to turn 1 was executed a second time
    And the resumed run asked the model once per new turn
    And the resumed conversation begins with the conversation of the checkpoint
    And the resumed run's checkpoints continue the same thread

  @scripted-model
  Scenario: An interrupted run resumes from its last checkpoint and finishes
    Comparing the resumed run with an uninterrupted one turn by turn only makes sense
    when the model answers the same way twice over 8 turns, which only the scripted
    model does.

    Given an agent that saves a checkpoint every 2 turns
    And the task "Summarise the quarterly figures" needs 8 turns to complete
    When the run is interrupted during turn 5
    Then the run stops with a checkpoint at turn 4
    When the user resumes the run from its latest checkpoint
    Then the run completes after turn 8
    And turns 1 to 4 were not executed a second time
    And the final result is the same as the result of an uninterrupted run

  Scenario: A run that died between checkpoints keeps each of its turns in memory once after the resume
    The disk fills up after the checkpoint of turn 1, so the run dies with turn 2 already
    in its memory but in no checkpoint, as after a crash. A new agent resumes from the
    checkpoint of turn 1 and does turn 2 again; the memory must not hold that turn twice.
    A tool call is required on every turn, so the run lasts past turn 1 whatever the
    model says.

    Given a memory store in the scenario's data folder
    And an agent that remembers its work in the session "ops"
    And the agent must call one of its read-only file tools on every turn
    And an agent that saves a checkpoint every 1 turns
    And no checkpoint after turn 1 can be written, as when the disk fills up
    When the agent works on "Add up the amounts in data.csv" for at most 3 turns and dies
    Then the session "ops" holds turns of the run that its last checkpoint does not know of
    When a new agent resumes the run from its latest checkpoint
    Then the session "ops" holds each entry of the resumed run's conversation exactly once
