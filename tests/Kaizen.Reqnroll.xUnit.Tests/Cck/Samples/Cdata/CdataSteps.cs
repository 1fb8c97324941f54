using Kaizen.Reqnroll.xUnit;
using Reqnroll;
namespace Kaizen.Reqnroll.xUnit.Tests.Cck.Samples.Cdata;

[Binding]
public sealed class CdataSteps
{
    [Given("I have {int} <![CDATA[cukes]]> in my belly")]
    public void GivenCukes(int cukeCount) => _ = cukeCount;
}
