@e2e @planning @core
Feature: Planning a task before doing it
  For anything beyond a one-line answer, the agent first writes a plan: ordered steps,
  each with the outcome it expects. The user can read the plan, and the agent follows it
  step by step, so progress is visible and resumable.

  @scripted-only
  Scenario: The agent plans a simple task and carries out every step
    The exact plan is chosen by the scripted model; a real model would write its own
    steps, so the step texts cannot be asserted.

    Given a planning agent
    And the model plans "Write a short status report" as:
      | step | action                          | expected outcome                |
      | 1    | Collect this week's ticket data | a list of closed tickets         |
      | 2    | Summarise the closed tickets    | a paragraph of summary          |
      | 3    | Format the report in Markdown   | a Markdown status report        |
    When the planning agent works on "Write a short status report"
    Then the plan has 3 steps
    And the steps were completed in order 1, 2, 3
    And the result contains "status report"

  Scenario: Any model produces a plan of at least one step before acting
    The agent must always turn the model's answer into a usable plan (or fail with a
    clear error); this holds whatever model answers.

    Given a planning agent
    When the planning agent makes a plan for "Write a short status report"
    Then the plan has at least 1 step
    And every step has an action
