@e2e @planning @core
Feature: Replanning when a step fails
  Plans meet reality. When a step fails, the agent does not give up and does not start
  over: it asks for a revised plan that keeps the steps already done and routes around
  the failure, within a limit on how often it may replan.

  @scripted-only
  Scenario: A failed step triggers a revised plan that keeps the completed work
    The failure is injected through the scripted model's tool call, and the revised
    plan is the scripted model's; a real model would choose other words.

    Given a planning agent that may replan at most 2 times
    And the model plans "Publish the release notes" as:
      | step | action                           | expected outcome          |
      | 1    | Gather the merged changes        | a list of changes         |
      | 2    | Upload the notes to the old wiki | the notes are online      |
    And step 2 fails with "the old wiki is read-only"
    And after the failure the model revises the plan to:
      | step | action                           | expected outcome          |
      | 1    | Gather the merged changes        | a list of changes         |
      | 2    | Publish the notes in the docs    | the notes are online      |
    When the planning agent works on "Publish the release notes"
    Then the agent replanned 1 time, because "the old wiki is read-only"
    And step 1 was completed only once
    And the run completes successfully with the revised plan

  @scripted-only
  Scenario: The agent stops replanning after its limit
    Here every plan fails on purpose, which only the scripted model can arrange.

    Given a planning agent that may replan at most 2 times
    And every plan the model proposes fails at its first step
    When the planning agent works on "Reach an unreachable server"
    Then the run fails after 2 replans
    And the failure names every reason a step failed
