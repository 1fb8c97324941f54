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

  Scenario: The agent stops when its spending reaches the dollar budget
    The local model costs nothing, so it is priced here as a paid model would be: the
    library counts the tokens the model reports at that price. The agent must call a tool
    on every turn, so only the budget can end the run.

    Given an agent with a budget of $0.02
    And the model is priced at $20 per million input tokens and $60 per million output tokens
    And the agent must call one of its read-only file tools on every turn
    When the agent works on "Research every competitor" with up to 100 turns
    Then the run is interrupted by the system
    And the reason of the interrupt mentions the budget
    And the amount spent is at least $0.02
    And the amount spent is what the model reported using, at its price
    And no model call was made after the budget was reached
    And a checkpoint was saved when the run stopped
