@e2e @planning @core
Feature: Reasoning strategies
  Some tasks need thinking before an answer. A strategy decides how the model thinks:
  chain of thought (reasoning steps, then the answer) or tree of thoughts (several
  candidate thoughts, each scored by the model, the best kept, level by level). The
  adaptive runner picks a strategy for the task, switches to the next one when it stalls
  or fails, and records how each did, so later choices can learn from it. Every reply is
  asked for in a JSON schema, so a model with structured output always writes one the
  strategy can read.

  Scenario: The adaptive runner reasons step by step and records what happened
    The local model's reasoning and answer are its own; what is checked is that the trace
    holds exactly the steps it wrote and that the runner's records add up.

    Given the strategies chain of thought and tree of thoughts on the model
    When the adaptive runner solves "A train leaves at 14:10 and the trip takes 95 minutes. When does it arrive?"
    Then the runner started with chain of thought, because the task is step-by-step reasoning
    And the chain-of-thought trace holds the model's reasoning steps, numbered, in its order
    And the runner stopped at the first answer, with a switch recorded for each strategy before it
    And every strategy run is recorded in the performance monitor with its outcome and model calls

  Scenario: Tree of thoughts scores every candidate and keeps the best one at each level
    The model proposes the thoughts and scores them; the strategy must keep the best-scored
    candidate and make exactly the calls its options allow.

    Given the tree-of-thoughts strategy on the model, 2 thoughts per branch, a beam of 1, 2 levels deep
    When the strategy solves "Compare two ways to cut the monthly cloud bill of a small web shop"
    Then every candidate thought was scored from 0 to 10, 2 per branch
    And each level kept its best-scored candidate, the first one on a tie
    And each level's proposals build on the line of thought kept before it, and the answer on the best line
    And the strategy asked the model once per proposal, once per score and once for the answer

  @scripted-model
  Scenario: A strategy that stalls hands the task to the next one
    A real model bound to the schema may or may not leave the answer empty; the scripted
    model reasons without answering, on demand.

    Given the model's chain of thought ends without an answer
    And the strategies chain of thought and tree of thoughts on the model
    When the adaptive runner solves "A train leaves at 14:10 and the trip takes 95 minutes. When does it arrive?"
    Then the chain of thought stalled and the tree of thoughts gave the answer
    And the runner stopped at the first answer, with a switch recorded for each strategy before it
    And every strategy run is recorded in the performance monitor with its outcome and model calls

  Scenario: ReAct acts through the agent's tools and keeps a faithful trace
    A small model left to itself only thinks aloud, so the strategy requires a tool call on
    its first iteration; the local model picks the tool and its arguments, then decides
    whether to act again, think or answer. What is checked is that every call went through
    the agent's tool executor, that what came back was handed to the model and written in
    the trace, and that the outcome fits the trace.

    Given the ReAct strategy on the model, required to call one of the read-only file tools first, on a folder holding "notes.txt" with "Meeting moved to Thursday", at most 4 iterations
    When the ReAct strategy solves "Read notes.txt with the read_file tool and say on which day the meeting is"
    Then the trace holds each reply of the model in order: its thought, its answer, or each call it made with what came back
    And the outcome is what the trace shows, within the iteration budget
