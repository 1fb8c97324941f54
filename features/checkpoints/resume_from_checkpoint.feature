@e2e @checkpoint @core
Feature: Resuming an interrupted run from its last checkpoint
  When a run is stopped halfway, the user expects to pick it up where it stopped,
  not to start again and not to pay twice for the same work. Resuming continues
  at the turn after the last checkpoint and ends exactly as an uninterrupted run would.

  @scripted-only
  Scenario: An interrupted run resumes from its last checkpoint and finishes
    Comparing the resumed run with an uninterrupted one turn by turn only makes sense
    when the model answers the same way twice, which only the scripted model does.

    Given an agent that saves a checkpoint every 2 turns
    And the task "Summarise the quarterly figures" needs 8 turns to complete
    When the run is interrupted during turn 5
    Then the run stops with a checkpoint at turn 4
    When the user resumes the run from its latest checkpoint
    Then the run completes after turn 8
    And turns 1 to 4 were not executed a second time
    And the final result is the same as the result of an uninterrupted run
