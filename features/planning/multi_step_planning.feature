@e2e @planning @core
Feature: Carrying out a plan of many dependent steps
  Real tasks have many steps where each needs the result of the one before. The agent
  executes them in order, hands each step the results of earlier steps, and records the
  plan in its checkpoints so that a long plan can be resumed halfway.

  Scenario: Each step is handed the results of the steps before it
    The steps and their results are the model's own; what the agent hands to each step is
    the agent's.

    Given a planning agent that plans at least 2 steps and may replan at most 2 times
    And a planning agent that saves a checkpoint after every step
    When the planning agent works on "Collect last month's churn figures, then write a summary of them"
    Then every step after the first was given the results of the completed steps before it
    And the last checkpoint holds the final plan

  @scripted-model
  Scenario: A six-step plan runs in order and each step builds on the previous one
    The plan and the step results are the scripted model's, so they can be checked
    exactly; a real model does not write a given six-step plan on demand.

    Given a planning agent that saves a checkpoint after every step
    And the model plans "Prepare the customer churn analysis" as:
      | step | action                                  | expected outcome            |
      | 1    | Load the customer table                 | 1200 customers              |
      | 2    | Remove test accounts                    | 1150 customers              |
      | 3    | Mark customers inactive for 90 days     | 230 churned customers       |
      | 4    | Group churned customers by plan         | counts per plan             |
      | 5    | Compare with last quarter               | a change per plan           |
      | 6    | Write the findings                      | a churn summary             |
    When the planning agent works on "Prepare the customer churn analysis"
    Then the steps were completed in order 1, 2, 3, 4, 5, 6
    And every step after the first was given the result of the step before it
    And the checkpoint of the last step holds the whole plan, with steps 1 to 5 completed
