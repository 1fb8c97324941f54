@e2e @tool_calling @core
Feature: The HTTP tools reach only the addresses they are allowed to
  An agent can read from the web (http_get, rated Low) and send data to it (http_post,
  rated Medium). Both take only absolute http and https addresses and, when the agent is
  limited to some hosts, only those: a model that asks for a local file or an internal
  service is refused before any request leaves the machine. A server error may pass, so a
  read is tried again; a post is not, since sending it again could place an order twice.

  The calls are handed straight to the agent's tool executor, as the agent loop does with
  a model's call, and no model is asked: the addresses a model tries cannot be chosen on
  demand. A test web server on the loopback address answers and notes every request it
  gets, whatever host the request names.

  Background:
    Given a test web server on 127.0.0.1
    And an agent with the HTTP tools, allowed to reach only 127.0.0.1

  Scenario: A page on an allowed host is read, with its status
    When a call to "http_get" arrives for the test web server with the arguments '{"url":"{server}/report.csv"}'
    Then the call succeeded, and what goes back to the model says: HTTP 200 OK
    And the call succeeded, and what goes back to the model says: north,120
    And the test web server received 1 request, each "GET /report.csv"
    And the audit log records "http_get" as "allowed by policy"

  Scenario Outline: An address the tools may not reach is refused, and no request leaves
    When a call to "http_get" arrives for the test web server with the arguments '<arguments>'
    Then the call failed, and what goes back to the model says: <problem>
    And the test web server received no request
    And the audit log records "http_get" as "failed"

    Examples:
      | case                      | arguments                                      | problem                                                                                        |
      | a file on the machine     | {"url":"file:///etc/hostname"}                 | Tool 'http_get' refused the call: 'file:///etc/hostname' uses the scheme 'file'; only http and https are allowed. |
      | an FTP server             | {"url":"ftp://127.0.0.1:{port}/report.csv"}    | uses the scheme 'ftp'; only http and https are allowed.                                        |
      | an address with no scheme | {"url":"127.0.0.1/report.csv"}                 | '127.0.0.1/report.csv' is not an absolute URL.                                                 |
      | a host not on the list    | {"url":"http://localhost:{port}/report.csv"}   | the host 'localhost' is not in the allowed hosts (127.0.0.1).                                  |

  Scenario Outline: A server error is tried again for a read, never for a post
    The person reviewing tool calls approves the post (a Medium tool).

    Given the person reviewing tool calls will answer "approve"
    When a call to "<tool>" arrives for the test web server with the arguments '<arguments>'
    Then the call failed, and what goes back to the model says: HTTP 503 Service Unavailable
    And the test web server received <requests> requests, each "<request>"

    Examples:
      | case                        | tool      | arguments                                            | requests | request          |
      | a read is tried three times | http_get  | {"url":"{server}/unavailable"}                       | 3        | GET /unavailable  |
      | a post is sent only once    | http_post | {"url":"{server}/unavailable","body":"n=1"}        | 1        | POST /unavailable |
