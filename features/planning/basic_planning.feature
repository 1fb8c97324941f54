@e2e @planning @core
Feature: Planning a task before doing it
  For anything beyond a one-line answer, the agent first writes a plan: ordered steps,
  each with the outcome it expects. The user can read the plan, and the agent follows it
  step by step, so progress is visible and resumable.

  Scenario: Any model produces a plan of at least one step before acting
    The agent must always turn the model's answer into a usable plan (or fail with a
    clear error); this holds whatever model answers.

    Given a planning agent
    When the planning agent makes a plan for "Write a short status report"
    Then the plan has at least 1 step
    And every step has an action and an expected outcome

  Scenario: The agent carries out the model's own plan step by step
    The plan and each step's work are the model's own; the order in which steps run, what
    each step is told and what is recorded are the agent's.

    Given a planning agent that saves a checkpoint after every step
    When the planning agent works on "Write a short status report"
    Then the steps of each revision of the plan ran in the plan's order
    And every completed step has the output of its run
    And the last checkpoint holds the final plan

  @scripted-model
  Scenario: The agent plans a simple task and carries out every step
    The exact plan is chosen by the scripted model; a real model writes its own steps
    and they cannot be asserted. The plan comes between two sentences, as models without a
    reply grammar (Ollama or OpenAI-compatible ones) often write it.

    Given a planning agent
    And the model writes its plan between two sentences of prose
    And the model plans "Write a short status report" as:
      | step | action                          | expected outcome                |
      | 1    | Collect this week's ticket data | a list of closed tickets         |
      | 2    | Summarise the closed tickets    | a paragraph of summary          |
      | 3    | Format the report in Markdown   | a Markdown status report        |
    When the planning agent works on "Write a short status report"
    Then the plan has 3 steps
    And the steps were completed in order 1, 2, 3
    And the result contains "status report"

  @scripted-model
  Scenario: A plan that names its one step twice is sent back for as many different steps as the agent needs
    Small models often write the same step twice. The scripted model does so on demand; the
    agent counts a repeated step once, tells the model why the plan cannot be used, and
    works from the plan it gets back.

    Given a planning agent that plans at least 2 steps and may replan at most 2 times
    And the model plans "Write a short status report" as:
      | step | action                        | expected outcome |
      | 1    | Summarise the closed tickets  | a summary        |
      | 2    | summarise the  closed tickets. | a summary        |
    And told that its plan cannot be used, the model plans:
      | step | action                        | expected outcome  |
      | 1    | Summarise the closed tickets  | a summary         |
      | 2    | Format the report in Markdown | a Markdown report |
    When the planning agent works on "Write a short status report"
    Then the model was told its plan has 1 different step and at least 2 are needed
    And the plan has 2 steps
    And the steps were completed in order 1, 2
