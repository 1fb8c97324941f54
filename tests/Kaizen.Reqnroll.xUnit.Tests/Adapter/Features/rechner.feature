# language: de
@kaizen-sample @german @non-parallel
Funktionalität: Beispielrechner auf Deutsch

  Grundlage:
    Angenommen a calculator

  Regel: Addition

    Szenario: Zwei Zahlen addieren
      Wenn I add 1 and 1
      Dann the result is 2
