@e2e @interrupt @core
Feature: Stopping an agent that runs too long
  A task that never converges must not run (and spend) forever. A time limit stops the
  run on behalf of the system; the reason given to the user says that time ran out.

  Scenario: A time limit stops the run at the end of the turn that passed it
    The model is real; only the clock is simulated: each reply moves the agent's clock on
    by 40 seconds, so the 30-second limit passes during the first turn whatever the model
    answers, and the test does not wait 30 real seconds.

    Given an agent with a time limit of 30 seconds
    And each model reply takes 40 seconds
    When the agent works on "Long task" with up to 10 turns
    Then the run is interrupted by the system
    And the reason of the interrupt says the time limit of "30 s" ran out
    And the run stopped at the end of the first turn that passed the time limit
    And a checkpoint was saved when the run stopped

  @scripted-model
  Scenario: A time limit stops a long task
    The run must go on for many turns until the limit: the scripted model never declares
    the task done, which no real model does on demand. Each of its replies takes 4 seconds
    on a simulated clock. The limit is not a whole number of seconds, and the reason says
    it as it was set.

    Given an agent with a time limit of 30500 milliseconds
    And each model reply takes 4 seconds
    When the agent works on "Long task" with up to 1000 turns
    Then the run is interrupted by the system
    And the reason of the interrupt says the time limit of "30.5 s" ran out
    And the run stopped at the end of the first turn that passed the time limit
    And a checkpoint was saved when the run stopped
