@e2e @interrupt @core
Feature: Stopping an agent gracefully
  A user who presses Ctrl+C wants the agent to stop soon, but not to lose or corrupt
  its work. A graceful stop finishes the current turn, saves a checkpoint and then
  ends the run with a clear reason, so the run can be resumed later.

  @scripted-only
  Scenario: The user presses Ctrl+C while the agent is working
    The interrupt must arrive while the run is still going: the scripted model keeps
    the task open long enough; a real model might finish first.

    Given an agent with interrupts enabled
    When the agent works on "Analyse the logs" and the user presses Ctrl+C during turn 3
    Then the run stops gracefully after finishing turn 3
    And the interrupt came from the user
    And a checkpoint of turn 3 was saved before the run stopped
    And the checkpoint named in the interrupt can be loaded
