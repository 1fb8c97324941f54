@safety
Feature: Escape </script><script>window.pwned = 1</script>
  Descriptions may [look like links](javascript:window.pwned=2) or carry <img src=x onerror="window.pwned=3"> markup.
  A [real link](https://example.invalid/docs) stays.

  Scenario: Steps with <b>markup</b> & "quotes"
    Given the text "</script><script>window.pwned = 4</script>"
