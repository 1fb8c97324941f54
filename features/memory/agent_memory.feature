@e2e @memory @core
Feature: An agent's own memory across runs
  An agent with memory stores every turn of its work in its session. A later run on the
  same session, even after the process restarted, starts with that history in its
  prompt, so the agent can pick up where it left off.

  Background:
    Given a memory store in the scenario's data folder

  Scenario: Every turn of a run is stored in the agent's session
    Given an agent that remembers its work in the session "ops"
    When the agent works on "Write down today's deployment plan" for at most 2 turns
    Then the session "ops" holds the run's conversation in order

  Scenario: A later run recalls the earlier run after a restart
    Given an agent that remembers its work in the session "ops"
    And the agent has worked on "Write down today's deployment plan" for at most 2 turns
    When the memory store is closed and opened again on the same file
    And a new agent on the session "ops" works on "Remind me of today's plan" for at most 1 turns
    Then the new agent's first request to the model carried the earlier run's turns
