using NetCourse.Harness.Tcp;

namespace NetCourse.Harness.Tests.Tcp;

public class TcpEventLogTests
{
    [Test]
    public async Task Event_log_names_the_seed_the_faults_and_what_was_injected()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.WithSeed(42).ClientToServer.SplitInto(2).ResetAfter(4));

        await pair.Client.SendAllAsync(new byte[10]);
        await NetCourse.Harness.Waiting.Wait.UntilAsync(() => pair.Log.ClientToServer.FaultsInjected.Count > 0);

        var log = pair.Proxy.Describe();
        log.ShouldContain("seed 42");
        log.ShouldContain("split into 2-byte pieces, reset after 4 bytes");
        log.ShouldContain("client→server  FAULT reset after 4 bytes");
    }

    [Test]
    public async Task Event_log_is_attached_to_the_failure_diagnostics_of_the_test()
    {
        await using var pair = await ProxiedPair.ConnectAsync(f => f.WithSeed(42));

        var diagnostics = FailureDiagnostics.TakeFor(TestContext.CurrentContext.Test.FullName);

        diagnostics.ShouldNotBeNull().ShouldContain($"TCP fault proxy {pair.Proxy.EndPoint}");
        diagnostics.ShouldContain("seed 42");
    }

    [Test]
    public async Task The_proxy_uses_the_seed_of_the_running_test_by_default()
    {
        await using var pair = await ProxiedPair.ConnectAsync(_ => { });

        pair.Proxy.Seed.ShouldBe(TestSeed.ForCurrentTest());
    }
}
