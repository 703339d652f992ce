namespace NetCourse.TestHost.Tests;

/// <summary>The host names the stub member that still throws, even when the test swallowed the exception.</summary>
public class NotStartedTrackerTests
{
    private static string RunningTest => TestContext.CurrentContext.Test.FullName;

    [Test]
    public void A_stub_member_that_throws_is_named_for_the_running_test_even_when_caught()
    {
        using var tracker = new NotStartedTracker();

        Swallow(() => new Stub().Open());

        tracker.TakeFirstMemberOf(RunningTest).ShouldBe("Stub.Open");
    }

    [Test]
    public void Only_the_first_stub_member_that_throws_is_kept()
    {
        using var tracker = new NotStartedTracker();

        Swallow(() => new Stub().Open());
        Swallow(() => new Stub().Close());

        tracker.TakeFirstMemberOf(RunningTest).ShouldBe("Stub.Open");
    }

    [Test]
    public void Taking_the_member_forgets_it()
    {
        using var tracker = new NotStartedTracker();
        Swallow(() => new Stub().Open());
        tracker.TakeFirstMemberOf(RunningTest);

        tracker.TakeFirstMemberOf(RunningTest).ShouldBeNull();
    }

    [Test]
    public void A_throw_from_an_ignored_assembly_is_not_a_stub_member()
    {
        using var tracker = new NotStartedTracker(typeof(Stub).Assembly);

        Swallow(() => new Stub().Open());

        tracker.TakeFirstMemberOf(RunningTest).ShouldBeNull();
    }

    [Test]
    public void An_async_stub_method_is_named_by_its_own_name_after_an_await_on_another_thread()
    {
        using var tracker = new NotStartedTracker();

        Swallow(() => new Stub().OpenAsync().GetAwaiter().GetResult());

        tracker.TakeFirstMemberOf(RunningTest).ShouldBe("Stub.OpenAsync");
    }

    [Test]
    public void A_property_is_named_without_its_accessor_prefix()
    {
        using var tracker = new NotStartedTracker();

        Swallow(() => _ = new Stub().Port);

        tracker.TakeFirstMemberOf(RunningTest).ShouldBe("Stub.Port");
    }

    [Test]
    public void A_constructor_is_named_constructor_and_a_generic_type_as_written()
    {
        using var tracker = new NotStartedTracker();

        Swallow(() => _ = new Pool<string>());

        tracker.TakeFirstMemberOf(RunningTest).ShouldBe("Pool<TConnection>.constructor");
    }

    [Test]
    public void After_dispose_nothing_is_tracked()
    {
        var tracker = new NotStartedTracker();
        tracker.Dispose();

        Swallow(() => new Stub().Open());

        tracker.TakeFirstMemberOf(RunningTest).ShouldBeNull();
    }

    private static void Swallow(Action action)
    {
        try { action(); }
        catch (NotImplementedException) { }
    }

    private sealed class Stub
    {
        public void Open() => throw new NotImplementedException("open");
        public void Close() => throw new NotImplementedException("close");
        public int Port => throw new NotImplementedException("port");

        public async Task OpenAsync()
        {
            await Task.Yield();
            throw new NotImplementedException("open async");
        }
    }

    private sealed class Pool<TConnection>
    {
        public Pool() => throw new NotImplementedException("pool");
    }
}
