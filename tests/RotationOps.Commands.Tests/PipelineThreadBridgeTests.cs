using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Commands.Hosting;

namespace RotationOps.Commands.Tests;

/// <summary>
/// PowerShell accepts WriteObject, WriteVerbose, ShouldProcess and script blocks only on the
/// pipeline thread. These tests play that thread (a dedicated one) and check that everything
/// engine threads post or ask is run there, in order, and that a fleet of concurrent items completes.
/// </summary>
public sealed class PipelineThreadBridgeTests
{
    [Fact]
    public void Everything_posted_from_engine_threads_runs_on_the_pipeline_thread_in_order()
    {
        var ran = new List<(int Thread, int Value)>();
        int pipelineThread = 0;

        OnDedicatedThread(() =>
        {
            pipelineThread = Environment.CurrentManagedThreadId;
            var bridge = new PipelineThreadBridge();
            var work = PipelineThreadBridge.Start(async () =>
            {
                await Task.Yield();
                for (int i = 0; i < 100; i++)
                {
                    int value = i;
                    bridge.Post(() => ran.Add((Environment.CurrentManagedThreadId, value)));
                }
                await Task.Delay(5);
                return 42;
            });
            bridge.Pump(work);
            Assert.Equal(42, work.Result);
        });

        Assert.Equal(Enumerable.Range(0, 100), ran.Select(r => r.Value));
        Assert.All(ran, r => Assert.Equal(pipelineThread, r.Thread));
    }

    [Fact]
    public void A_question_from_an_engine_thread_is_answered_on_the_pipeline_thread_and_the_engine_waits_for_it()
    {
        var askedOn = new ConcurrentBag<int>();
        int pipelineThread = 0;
        bool answer = false;

        OnDedicatedThread(() =>
        {
            pipelineThread = Environment.CurrentManagedThreadId;
            var bridge = new PipelineThreadBridge();
            var work = PipelineThreadBridge.Start(async () =>
            {
                await Task.Yield();
                return bridge.Ask(() =>
                {
                    askedOn.Add(Environment.CurrentManagedThreadId);
                    return true;
                });
            });
            bridge.Pump(work);
            answer = work.Result;
        });

        Assert.True(answer);
        Assert.Equal(pipelineThread, Assert.Single(askedOn));
    }

    [Fact]
    public void A_question_asked_on_the_pipeline_thread_itself_is_answered_at_once_instead_of_deadlocking()
    {
        OnDedicatedThread(() =>
        {
            var bridge = new PipelineThreadBridge();
            Assert.Equal("yes", bridge.Ask(() => "yes"));
        });
    }

    [Fact]
    public void Concurrent_items_all_deliver_on_the_pipeline_thread_while_it_pumps_until_the_last()
    {
        var delivered = new List<int>();
        int pipelineThread = 0;
        var deliveredOn = new ConcurrentBag<int>();

        OnDedicatedThread(() =>
        {
            pipelineThread = Environment.CurrentManagedThreadId;
            var bridge = new PipelineThreadBridge();
            var started = new List<Task>();
            for (int item = 0; item < 200; item++)
            {
                int id = item;
                var work = PipelineThreadBridge.Start(async () =>
                {
                    await Task.Delay(1 + id % 7);
                    bridge.Ask(() => true); // a ShouldProcess mid-flight
                    return id;
                });
                started.Add(work.ContinueWith(t => bridge.Post(() =>
                {
                    deliveredOn.Add(Environment.CurrentManagedThreadId);
                    delivered.Add(t.Result);
                }), TaskScheduler.Default));
                bridge.DrainPending();
            }
            bridge.Pump(Task.WhenAll(started));
        });

        Assert.Equal(Enumerable.Range(0, 200), delivered.OrderBy(i => i));
        Assert.All(deliveredOn, t => Assert.Equal(pipelineThread, t));
    }

    [Fact]
    public void A_failure_thrown_before_the_first_await_becomes_a_faulted_task_not_an_exception_on_the_pipeline()
    {
        var task = PipelineThreadBridge.Start<int>(() => throw new InvalidOperationException("bad input"));

        Assert.True(task.IsFaulted);
        Assert.Equal("bad input", task.Exception!.GetBaseException().Message);
    }

    [Fact]
    public void After_a_terminating_error_the_closed_bridge_is_pumped_until_the_work_winds_down_without_calling_into_PowerShell()
    {
        var ran = new ConcurrentBag<string>();
        Exception? waiting = null, later = null;
        bool finished = false;

        OnDedicatedThread(() =>
        {
            var bridge = new PipelineThreadBridge();
            var stop = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var erroring = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            var failing = PipelineThreadBridge.Start(async () =>
            {
                await Task.Yield();
                bridge.Post(() =>
                {
                    erroring.SetResult(true);
                    Thread.Sleep(200); // the other item's question queues up meanwhile
                    throw new InvalidOperationException("WriteError under -ErrorAction Stop");
                });
                return 0;
            });
            var other = PipelineThreadBridge.Start(async () =>
            {
                await erroring.Task;
                // A -HealthScript question still waiting when the error ends the command.
                var question = Task.Run(() => bridge.Ask(() => { ran.Add("question"); return true; }));
                await stop.Task;
                try { await question; } catch (OperationCanceledException ex) { waiting = ex; }
                try { bridge.Ask(() => { ran.Add("late question"); return true; }); } catch (OperationCanceledException ex) { later = ex; }
                bridge.Post(() => ran.Add("late post"));
                await Task.Delay(20);
                finished = true;
                return 1;
            });
            var all = Task.WhenAll(failing, other);

            var thrown = Assert.Throws<InvalidOperationException>(() => bridge.Pump(all));
            Assert.Contains("ErrorAction Stop", thrown.Message);
            // What AwsCmdlet does next: close, let the others see the stop, and pump until they are done.
            bridge.Close();
            stop.SetResult(true);
            bridge.Pump(all);
            Assert.True(all.IsCompleted);
        });

        Assert.True(finished);
        Assert.NotNull(waiting);
        Assert.NotNull(later);
        Assert.Empty(ran);
    }

    /// <summary>Runs <paramref name="body"/> on a fresh thread, as PowerShell runs a pipeline, and rethrows its failure.</summary>
    private static void OnDedicatedThread(Action body)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                body();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        });
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)), "the pipeline thread hung");
        if (failure != null) throw new Xunit.Sdk.XunitException("on the pipeline thread: " + failure);
    }
}
