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

  Scenario: A later run's prompt draws on each tier of memory, each turn once
    The new agent sends its 4 newest turns as messages (its own task is the newest), lists
    the 4 turns before them as a transcript of the session in its system prompt, and finds
    the old turns most like its task by meaning (the real sentence model) as relevant
    memories. The model is the local one; only what the library put in the request is checked.

    Given the session "ops" has stored the turn "The backup password rotates every 90 days" followed by 30 other turns
    When a new agent on the session "ops" keeping 4 hot turns, a warm window of 8 and 2 cold results works on "How often does the backup password change?" for at most 1 turn
    Then its first request carried the task and, after it, the 3 turns stored just before it, oldest first
    And its system prompt listed the 4 turns stored before those under "Earlier in this session:", oldest first
    And its system prompt recalled "The backup password rotates every 90 days" under "Relevant memories:"
    And no stored turn reached that request twice
