@e2e @interrupt @core
Feature: Stopping an agent gracefully
  A user who presses Ctrl+C wants the agent to stop soon, but not to lose or corrupt
  its work. A graceful stop finishes the current turn, saves a checkpoint and then
  ends the run with a clear reason, so the run can be resumed later.

  Scenario: The user presses Ctrl+C while the agent is working
    The agent runs in its own process on the local model, as a user would start it; the
    test sends that process a real SIGINT, the signal Ctrl+C sends, as its first turn starts.
    The agent must call a read-only file tool on every turn, so it cannot end the run on its
    own before the signal arrives; whichever turn is in progress then is finished.

    Given an agent process with interrupts enabled
    When the user presses Ctrl+C while the agent works on "Analyse the logs"
    Then the run stops gracefully after finishing the turn in progress
    And the interrupt came from the user
    And a checkpoint of that turn was saved before the run stopped
    And the checkpoint named in the interrupt can be loaded

  Scenario: Pressing Ctrl+C a second time stops the agent at once
    A user who will not wait for the turn to finish presses Ctrl+C again. The second SIGINT
    reaches the agent process half a second after the first, while the local model is still
    reading the first turn's prompt. The run stops without waiting for the model's reply,
    keeps nothing of the unfinished turn, and still saves a checkpoint to resume from.

    Given an agent process with interrupts enabled
    When the user presses Ctrl+C twice while the agent works on "Analyse the logs"
    Then the run stops at once, without finishing the turn in progress
    And the interrupt came from the user
    And the checkpoint named in the interrupt can be loaded
