using System.Reflection;
using System.Reflection.Emit;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.WebJobs;
using Tariffs.LocalHost.Hosting;
using IsolatedHttpTrigger = Microsoft.Azure.Functions.Worker.HttpTriggerAttribute;
using IsolatedQueueTrigger = Microsoft.Azure.Functions.Worker.QueueTriggerAttribute;
using IsolatedScheduleStatus = Microsoft.Azure.Functions.Worker.ScheduleStatus;
using IsolatedTimerInfo = Microsoft.Azure.Functions.Worker.TimerInfo;
using IsolatedTimerTrigger = Microsoft.Azure.Functions.Worker.TimerTriggerAttribute;
using WebJobsQueueTrigger = Microsoft.Azure.WebJobs.QueueTriggerAttribute;
using WebJobsTimerInfo = Microsoft.Azure.WebJobs.TimerInfo;
using WebJobsTimerTrigger = Microsoft.Azure.WebJobs.TimerTriggerAttribute;

namespace Tariffs.LocalHost.Triggers;

/// <summary>
/// Gives the WebJobs SDK one class per queue- or timer-triggered isolated-worker function, emitted at start-up from the
/// function's own attributes, so that no adapter is written or kept in step by hand. Each class takes the function class
/// in its constructor (resolved from the invocation's DI scope) and has one method, named after the function, carrying
/// <see cref="FunctionNameAttribute"/> and the WebJobs trigger with the same arguments (queue name and connection; schedule,
/// RunOnStartup and UseMonitor); its body calls the function with the same arguments, a WebJobs
/// <see cref="WebJobsTimerInfo"/> copied into the worker's <see cref="IsolatedTimerInfo"/>. The SDK supplies the rest:
/// polling, batch size, visibility timeout and its renewal, dequeue counts, the move to <c>&lt;queue&gt;-poison</c> after
/// maxDequeueCount (host.json), and timers run as blob-lease singletons across hosts sharing <c>AzureWebJobsStorage</c>.
/// </summary>
public sealed class TriggerTypeLocator : ITypeLocator
{
    private static readonly MethodInfo ToIsolatedMethod = typeof(TriggerTypeLocator).GetMethod(nameof(ToIsolated))!;
    private readonly IReadOnlyList<Type> _types;

    /// <summary>Emits the classes of the queue and timer functions among <paramref name="functions"/>.</summary>
    /// <exception cref="NotSupportedException">
    /// A function has another trigger than HTTP, queue or timer, or its signature is not (QueueMessage or TimerInfo
    /// trigger, CancellationToken) returning Task on an instance method.
    /// </exception>
    public TriggerTypeLocator(IEnumerable<FunctionMethod> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var module = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Tariffs.LocalHost.Triggers"), AssemblyBuilderAccess.Run)
            .DefineDynamicModule("Triggers");
        _types = functions.Select(f => f.Trigger switch
        {
            IsolatedQueueTrigger queue => Emit(module, f, typeof(QueueMessage), Attribute<WebJobsQueueTrigger>(
                queue.QueueName, (nameof(WebJobsQueueTrigger.Connection), queue.Connection))),
            IsolatedTimerTrigger timer => Emit(module, f, typeof(WebJobsTimerInfo), Attribute<WebJobsTimerTrigger>(
                timer.Schedule, (nameof(WebJobsTimerTrigger.RunOnStartup), timer.RunOnStartup), (nameof(WebJobsTimerTrigger.UseMonitor), timer.UseMonitor))),
            IsolatedHttpTrigger => null, // mapped by MapHttpFunctions
            var other => throw new NotSupportedException($"Function '{f}': the local host runs no {other?.GetType().Name ?? "function without a trigger"}."),
        }).OfType<Type>().ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<Type> GetTypes() => _types;

    /// <summary>Copies the WebJobs timer information into the isolated worker's type (called by the emitted timer methods).</summary>
    public static IsolatedTimerInfo ToIsolated(WebJobsTimerInfo timer) => new()
    {
        IsPastDue = timer.IsPastDue,
        ScheduleStatus = timer.ScheduleStatus is { } s ? new IsolatedScheduleStatus { Last = s.Last, Next = s.Next, LastUpdated = s.LastUpdated } : null,
    };

    private static Type Emit(ModuleBuilder module, FunctionMethod function, Type triggerType, CustomAttributeBuilder trigger)
    {
        var parameters = function.Method.GetParameters();
        if (function.Method.IsStatic || function.Method.ReturnType != typeof(Task) || parameters.Length != 2 ||
            parameters[0].Position != function.TriggerParameter?.Position || parameters[1].ParameterType != typeof(CancellationToken))
        {
            throw new NotSupportedException($"Function '{function}': the local host runs queue and timer functions of the form " +
                                            "'public Task Name([Trigger] QueueMessage or TimerInfo, CancellationToken)'.");
        }

        var type = module.DefineType("Tariffs.LocalHost.Triggers." + function.Name, TypeAttributes.Public | TypeAttributes.Sealed);
        var target = type.DefineField("functions", function.FunctionClass, FieldAttributes.Private | FieldAttributes.InitOnly);
        var il = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, [function.FunctionClass]).GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, typeof(object).GetConstructor(Type.EmptyTypes)!);
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Stfld, target);
        il.Emit(OpCodes.Ret);

        var method = type.DefineMethod(function.Name, MethodAttributes.Public, typeof(Task), [triggerType, typeof(CancellationToken)]);
        method.SetCustomAttribute(Attribute<FunctionNameAttribute>(function.Name));
        method.DefineParameter(1, ParameterAttributes.None, parameters[0].Name).SetCustomAttribute(trigger);
        method.DefineParameter(2, ParameterAttributes.None, parameters[1].Name);
        il = method.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Ldfld, target);
        il.Emit(OpCodes.Ldarg_1);
        if (triggerType == typeof(WebJobsTimerInfo))
            il.Emit(OpCodes.Call, ToIsolatedMethod);
        il.Emit(OpCodes.Ldarg_2);
        il.Emit(OpCodes.Callvirt, function.Method);
        il.Emit(OpCodes.Ret);
        return type.CreateType();
    }

    /// <summary>An attribute <typeparamref name="T"/>(<paramref name="argument"/>) with the given properties (null ones left unset).</summary>
    private static CustomAttributeBuilder Attribute<T>(string argument, params (string Name, object? Value)[] properties)
    {
        var set = properties.Where(p => p.Value is not null).ToArray();
        return new CustomAttributeBuilder(typeof(T).GetConstructor([typeof(string)])!, [argument],
            set.Select(p => typeof(T).GetProperty(p.Name)!).ToArray(), set.Select(p => p.Value!).ToArray());
    }
}
