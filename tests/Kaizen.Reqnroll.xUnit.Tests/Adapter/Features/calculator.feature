@kaizen-sample @calculator
Feature: Sample calculator
  Proves the real path: generator -> xUnit -> runtime -> NDJSON messages.

  Background:
    Given a calculator

  Scenario: Adding two numbers
    When I add 2 and 3
    Then the result is 5

  @smoke
  Scenario: Entering a list of numbers
    When I enter these numbers:
      | value |
      | 4     |
      | 6     |
    Then the result is 10

  Scenario Outline: Multiplying
    When I multiply <a> by <b>
    Then the result is <product>

    @fast
    Examples: small numbers
      | a | b | product |
      | 2 | 3 | 6       |
      | 4 | 5 | 20      |

    Examples: same first column
      | a | b | product |
      | 1 | 7 | 7       |
      | 1 | 8 | 8       |

  @ignore
  Scenario: Ignored scenario
    Then this step is never run
