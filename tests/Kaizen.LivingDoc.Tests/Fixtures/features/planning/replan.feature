@planning @core
Feature: Replanning
  When a step fails the planner produces a new plan.

  Rule: A failed step triggers a replan

    Scenario Outline: Replan after <failures> failures
      Given a plan with <steps> steps
      When <failures> steps fail
      Then the planner replans <replans> times

      Examples:
        | steps | failures | replans |
        | 3     | 1        | 1       |
        | 5     | 2        | 2       |

  Rule: Plans have a budget

    Scenario: A plan over budget is rejected
      Given a plan costing 12 dollars
      When the budget is 10 dollars
      Then the plan is rejected
