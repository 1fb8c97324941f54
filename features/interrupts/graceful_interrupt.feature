@e2e @interrupt @core
Feature: Stopping an agent gracefully
  A user who presses Ctrl+C wants the agent to stop soon, but not to lose or corrupt
  its work. A graceful stop finishes the current turn, saves a checkpoint and then
  ends the run with a clear reason, so the run can be resumed later.

  Scenario: The user presses Ctrl+C while the agent is working
    The agent runs in its own process on the local model, as a user would start it; the
    test sends that process a real SIGINT, the signal Ctrl+C sends, as its first turn starts.

    Given an agent process with interrupts enabled
    When the user presses Ctrl+C while the agent works on "Analyse the logs"
    Then the run stops gracefully after finishing turn 1
    And the interrupt came from the user
    And a checkpoint of turn 1 was saved before the run stopped
    And the checkpoint named in the interrupt can be loaded
