/**
 * The two query languages of Amazon States Language, for the local engine. The engine calls four public types:
 * {@link dev.fulfillment.local.sfn.query.JsonPathEvaluator}, {@link dev.fulfillment.local.sfn.query.JsonataEvaluator},
 * {@link dev.fulfillment.local.sfn.query.Variables} and {@link dev.fulfillment.local.sfn.query.QueryException};
 * it owns state semantics (which field is evaluated when, Choice rules, error prefixes with the state name).
 *
 * <p>Where the documented rules live:
 * <ul>
 *   <li>ASL "Paths" ({@code $}, {@code $$} context object, {@code $name} variables; definite vs indefinite
 *       results; the json-path library's "not found" texts): {@code path.QueryPath}, used by
 *       {@code JsonPathEvaluator#read}/{@code readField}/{@code find}.</li>
 *   <li>ASL "Reference Paths" and ResultPath: {@code path.ReferencePath},
 *       {@code JsonPathEvaluator#applyResultPath}.</li>
 *   <li>Payload templates ({@code key.$} in Parameters, ResultSelector, ItemSelector, JSONPath Assign):
 *       {@code JsonPathEvaluator#applyTemplate} and {@code #validateTemplate}.</li>
 *   <li>"Intrinsic functions": syntax, escapes and the nesting limit in {@code intrinsic.IntrinsicParser}; one class
 *       per function with its arity as data in {@code intrinsic.functions}; the immutable
 *       {@code intrinsic.IntrinsicRegistry}; argument checks in {@code intrinsic.Arguments}.</li>
 *   <li>"Transforming data with JSONata in Step Functions": {@code {% %}} detection, {@code $states} and variable
 *       bindings, undefined/unsupported-result/error messages in {@code JsonataEvaluator}; Jackson conversion in
 *       {@code jsonata.JsonataValues}; Step Functions' functions ({@code $partition $range $hash $random $uuid
 *       $parse}) in {@code jsonata.AwsFunctions}; depth/time limits in {@code jsonata.EvaluationGuard}.</li>
 * </ul>
 * Error causes are AWS's texts where the recorded conformance cases show them, without the engine's prefix
 * {@code "An error occurred while executing the state '<name>' (entered at the event id #<n>). "}.
 */
package dev.fulfillment.local.sfn.query;
