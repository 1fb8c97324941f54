@e2e @planning @core
Feature: Replanning when a step fails
  Plans meet reality. When a step fails, the agent does not give up and does not start
  over: it asks for a revised plan that keeps the steps already done and routes around
  the failure, within a limit on how often it may replan.

  Scenario: A failed step triggers a revised plan that keeps the completed work
    The plans are the model's own. The second step to run fails because the service it
    needs is down: the outage is injected where the step runs, so that step fails whatever
    the model does (the first step may complete or not; the plan must keep what did).

    Given a planning agent that plans at least 2 steps and may replan at most 3 times
    And the second step to run fails with "the old wiki is read-only"
    When the planning agent works on "Publish the release notes"
    Then the agent replanned because "the old wiki is read-only"
    And the plan revised after the failure starts with the steps completed before it
    And no completed step was run again

  @scripted-model
  Scenario: A step whose tool fails is replanned with the tool's error
    The failure comes from a tool the scripted model calls inside the step; a real model
    does not call a given tool at a given step on demand.

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

  @scripted-model
  Scenario: The agent stops replanning after its limit
    Here every plan fails on purpose, which only the scripted model can arrange.

    Given a planning agent that may replan at most 2 times
    And every plan the model proposes fails at its first step
    When the planning agent works on "Reach an unreachable server"
    Then the run fails after 2 replans
    And the failure names every reason a step failed
