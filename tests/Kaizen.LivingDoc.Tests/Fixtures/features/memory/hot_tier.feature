@memory @core
Feature: Hot memory tier
  The hot tier keeps the **most recent turns** verbatim so the agent can
  quote them back without a lookup.

  - capacity is counted in turns
  - overflow moves to the warm tier

  Background:
    Given an agent with a hot memory of 3 turns

  Scenario: Recent turns are kept verbatim
    When the user says "hello"
    Then the hot memory contains "hello"

  @issue:42
  Scenario: Overflow moves the oldest turn to the warm tier
    When the user sends 4 messages
    Then the hot memory holds 3 turns
    And the warm memory holds 1 turn

  Scenario: Turns are stored with their roles
    When the conversation is
      | role      | content        |
      | user      | plan my trip   |
      | assistant | where to?      |
    Then the hot memory contains "where to?"
