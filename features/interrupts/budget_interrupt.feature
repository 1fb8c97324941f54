@e2e @interrupt @core
Feature: Stopping an agent that reaches its budget
  Users give an agent a budget. Once the spending reaches it, the agent must stop on its
  own, before spending more, and say why.

  Scenario: The agent stops when it has used its token budget
    Tokens are counted for every model, free or paid: the local model's first reply alone
    uses more than 100 tokens, so the budget is reached in the first turn.

    Given an agent with a budget of 100 tokens
    When the agent works on "Research every competitor" with up to 100 turns
    Then the run is interrupted by the system
    And the reason of the interrupt mentions the budget
    And the tokens used are at least 100
    And no model call was made after the budget was reached
    And a checkpoint was saved when the run stopped

  @scripted-model
  Scenario: The agent stops when its spending reaches the dollar budget
    A local model costs nothing, so a dollar budget can only be reached with a priced
    model; the scripted model is priced here to stand in for a paid one.

    Given an agent with a budget of $0.05
    And the model costs $0.01 per reply
    When the agent works on "Research every competitor" with up to 100 turns
    Then the run is interrupted by the system
    And the reason of the interrupt mentions the budget
    And the amount spent is at least $0.05 and at most $0.06
