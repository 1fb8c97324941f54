@e2e @meta_controller @core
Feature: Recovering when an agent fails
  An agent can fail: its model is down, a tool breaks, it runs out of budget. The task
  must not be lost: the meta-controller hands it to another capable agent and keeps the
  reason of the first failure for the user.

  Scenario: A failing agent's task is retried on another capable agent
    The first agent's model server really cannot be reached (nothing listens on its
    port); the second agent works on the local model.

    Given a meta-controller with these agents:
      | agent      | capabilities   |
      | analyst-a  | data analysis  |
      | analyst-b  | data analysis  |
    And the model server of "analyst-a" cannot be reached
    When the meta-controller receives the task "Find the top 5 products" needing "data analysis"
    Then the task was retried on "analyst-b"
    And the task's history shows "analyst-a" failed because its model server could not be reached

  Scenario: A task fails clearly when no capable agent is left
    Given a meta-controller with these agents:
      | agent      | capabilities   |
      | analyst-a  | data analysis  |
    And the model server of "analyst-a" cannot be reached
    When the meta-controller receives the task "Find the top 5 products" needing "data analysis"
    Then the task fails with a message naming "analyst-a" and its unreachable model server
