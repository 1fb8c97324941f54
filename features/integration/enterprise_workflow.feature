@e2e @integration @slow
Feature: An enterprise workflow from request to report
  The capabilities only matter together. A realistic business request makes the agent
  plan, read company data with safe tools, ask before writing the report, remember
  what it learned, and checkpoint along the way, in one run.

  @scripted-model
  Scenario: A quarterly report is planned, researched, approved and written
    The scripted model plays an analyst whose plan and tool calls are known in advance,
    so each hand-off between capabilities can be checked.

    Given a workspace with the sales files of 3 regions for the last quarter
    And a planning agent with file tools, memory and a checkpoint every 3 turns
    And every write is approved
    When the agent works on "Prepare the quarterly sales report"
    Then the plan covered reading each region's file and writing the report
    And each region's file was read exactly once
    And the report file contains the total sales of each region
    And approval was asked once, for the report
    And the memory of the run holds the total of each region
    And at least 1 checkpoint was saved
    And the cost the agent reports is its tokens at the model's price
