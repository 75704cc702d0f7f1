package dev.fulfillment.local.sfn.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fulfillment.local.sfn.EngineClock;
import dev.fulfillment.local.sfn.ExecutionInfo;
import dev.fulfillment.local.sfn.ExecutionStatus;
import dev.fulfillment.local.sfn.LocalStepFunctions;
import dev.fulfillment.local.sfn.TaskInvoker;
import dev.fulfillment.local.sfn.TaskInvoker.LambdaResult;
import dev.fulfillment.local.sfn.api.StepFunctionsApi;
import dev.fulfillment.local.sfn.api.StepFunctionsApiHandler;
import dev.fulfillment.local.sfn.api.StepFunctionsHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The execution console in a real browser (Debian's headless Chromium over the DevTools protocol) against the real
 * engine behind the real Step Functions HTTP endpoint, mounted as the local server mounts it
 * ({@code ConsoleHandler.withApi(apiHandler)} on one port). The tasks are Lambda stand-ins steered by the execution
 * input. Screenshots of the main views go to {@code local/target/console-screenshots/}, and also to {@code docs/}
 * with {@code -Dconsole.docs=true}.
 *
 * <p>Run alone: {@code ./mvnw -B -q -o test -pl local -am -Dtest=ExecutionConsoleBrowserTest -Dsurefire.failIfNoSpecifiedTests=false}.
 * Skipped (with a message) only where {@code /usr/bin/chromium} is not installed.
 */
@Tag("browser")
class ExecutionConsoleBrowserTest {

    private static final Duration EXECUTION_DEADLINE = Duration.ofSeconds(20);
    private static final String ERRORS = "dev.fulfillment.tasks.error.";

    private static LocalStepFunctions engine;
    private static StepFunctionsHttpServer server;
    private static HeadlessChromium browser;
    private static String fulfilment;
    private static String approval;
    private static final List<String> operations = new CopyOnWriteArrayList<>();
    private static final AtomicBoolean confirmBroken = new AtomicBoolean();
    private static final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @BeforeAll
    static void startEngineServerAndBrowser() throws IOException {
        assumeTrue(Files.isExecutable(HeadlessChromium.CHROMIUM),
                "browser tests need Debian's chromium at " + HeadlessChromium.CHROMIUM + " (apt-get install chromium)");
        engine = LocalStepFunctions.builder().clock(EngineClock.system()).taskInvoker(ExecutionConsoleBrowserTest::invoke).build();
        StepFunctionsApi api = new StepFunctionsApi(engine);
        StepFunctionsApiHandler.Operations recorded = (operation, request) -> {
            operations.add(operation + " " + request);
            return api.invoke(operation, request);
        };
        server = StepFunctionsHttpServer.start(ConsoleHandler.withApi(new StepFunctionsApiHandler(recorded)), "127.0.0.1", 0);
        fulfilment = engine.createStateMachine("order-fulfillment", resource("console/fulfillment-definition.json"),
                "arn:aws:iam::123456789012:role/console-test", "STANDARD", null).stateMachineArn();
        approval = engine.createStateMachine("order-approval", resource("console/approval-definition.json"),
                "arn:aws:iam::123456789012:role/console-test", "STANDARD", null).stateMachineArn();
        browser = HeadlessChromium.launch(1400, 1000);
    }

    @AfterAll
    static void stopEverything() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    @BeforeEach
    void forgetRecordedCalls() {
        operations.clear();
    }

    @AfterEach
    void pageHadNoScriptErrorsOrPolicyViolations() {
        if (browser != null) {
            assertThat(browser.problems()).isEmpty();
        }
    }

    @Test
    void listsExecutionsNewestFirstWithStatusFilterPagingAndSearchByName() throws IOException {
        for (int i = 0; i < 27; i++) {
            String name = "ord-list-%02d".formatted(i);
            awaitEnd(start(fulfilment, name, order(name)));
        }
        awaitEnd(start(fulfilment, "ord-list-declined", order("ord-list-declined").put("declinePayment", true)));

        browser.navigate(url("#/"));
        browser.click("a.machine-link[href*='order-fulfillment']");
        browser.waitFor("document.querySelectorAll('#executions tbody tr').length === 25");

        assertThat(browser.text("#executions tbody tr:first-child td:first-child")).isEqualTo("ord-list-declined");
        assertThat(browser.text("#executions tbody tr:first-child [data-status]")).isEqualTo("Failed");
        assertThat(browser.text("#executions tbody tr:nth-child(2) td:first-child")).isEqualTo("ord-list-26");
        assertThat(browser.evaluate("[...document.querySelectorAll('#executions thead th')].map(th => th.textContent)"))
                .extracting(JsonNode::asText).containsExactly("Name", "Status", "Started", "Stopped", "Duration");
        assertThat(operations).filteredOn(op -> op.startsWith("ListExecutions"))
                .singleElement().asString().contains("\"maxResults\":25");
        screenshot("body", "console-executions.png");

        browser.click("#page-next");
        browser.waitFor("document.querySelector('#page-number')?.textContent === 'Page 2'");
        browser.waitFor("[...document.querySelectorAll('#executions tbody tr td:first-child')].some(td => td.textContent === 'ord-list-00')");
        browser.click("#page-previous");
        browser.waitFor("document.querySelector('#page-number')?.textContent === 'Page 1'");

        browser.evaluate("(() => { const s = document.querySelector('#status-filter'); s.value = 'FAILED'; s.dispatchEvent(new Event('change')); })()");
        browser.waitFor("location.hash.endsWith('?status=FAILED') && document.querySelector('#executions tbody tr')");
        JsonNode statuses = browser.evaluate("[...document.querySelectorAll('#executions tbody [data-status]')].map(b => b.dataset.status)");
        assertThat(statuses).isNotEmpty().allSatisfy(status -> assertThat(status.asText()).isEqualTo("FAILED"));

        browser.type("#search-name", "ord-list-07");
        browser.click("#search-submit");
        browser.waitFor("document.querySelector('#search-result tbody tr td a')?.textContent === 'ord-list-07'");
        browser.type("#search-name", "no-such-order");
        browser.click("#search-submit");
        browser.waitFor("document.querySelector('#search-none')");
        assertThat(operations).noneMatch(op -> op.startsWith("ListExecutions") && op.contains("ord-list-07"));
    }

    @Test
    void colorsEachStateByWhatHappenedAfterAFailureCaughtOnTheWayToTheFailState() throws IOException {
        ObjectNode input = order("ord-declined").put("declinePayment", true).put("failFirstReserve", true)
                .put("note", "<img src=x onerror=\"window.pwned=true\">");
        String arn = start(fulfilment, "ord-declined", input);
        assertThat(awaitEnd(arn).status()).isEqualTo(ExecutionStatus.FAILED);

        browser.navigate(url("#/execution/" + encode(arn)));
        browser.waitFor("document.querySelector('[data-state=\"ChargePayment\"]')?.dataset.status === 'caught'");

        assertThat(stateStatuses()).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("ReserveStock", "succeeded"), Map.entry("CheckAmount", "succeeded"),
                Map.entry("ManualReview", "not-reached"), Map.entry("ChargePayment", "caught"),
                Map.entry("ReleaseStock", "succeeded"), Map.entry("OrderFailed", "failed"),
                Map.entry("Fulfil", "not-reached"), Map.entry("PackItems", "not-reached"),
                Map.entry("PackItem", "not-reached"), Map.entry("NotifyCustomer", "not-reached"),
                Map.entry("ConfirmOrder", "not-reached")));
        assertThat(browser.text("#execution-status")).isEqualTo("Failed");
        assertThat(browser.text("#execution-failure .error-name")).isEqualTo("OrderFailed");
        assertThat(browser.evaluate("document.querySelectorAll('path.edge.catch').length").asInt()).isEqualTo(2);
        assertThat(browser.evaluate("document.querySelectorAll('.group-parallel, .group-map').length").asInt()).isEqualTo(2);

        // User data is shown as text, never as markup.
        assertThat(browser.text("[data-testid='execution-input']")).contains("<img src=x onerror=\\\"window.pwned=true\\\">");
        assertThat(browser.evaluate("document.querySelectorAll('main img').length").asInt()).isZero();
        assertThat(browser.evaluate("window.pwned === undefined").asBoolean()).isTrue();

        browser.click("[data-state='ChargePayment'] rect");
        browser.waitFor("document.querySelector('#selected-state')?.textContent === 'ChargePayment'");
        assertThat(browser.text("#selected-state-status")).isEqualTo("caught");
        assertThat(browser.text("#state-panel .error-name")).isEqualTo(ERRORS + "PaymentDeclinedException");
        assertThat(browser.text("#state-panel .cause")).contains("card declined");
        screenshot(".graph-layout", "console-execution-graph.png");

        browser.click("[data-state='ReserveStock'] rect");
        browser.waitFor("document.querySelector('#selected-state')?.textContent === 'ReserveStock'");
        assertThat(browser.text("#state-panel h4")).isEqualTo("Attempts (1 retry)");
        assertThat(browser.evaluate("[...document.querySelectorAll('#attempts tbody tr')].map(r => r.cells[3].textContent)"))
                .extracting(JsonNode::asText).containsExactly(ERRORS + "TransientException", "");
        assertThat(browser.text("[data-testid='state-output']")).contains("\"total\": 1200");

        JsonNode types = browser.evaluate("[...document.querySelectorAll('#events tr.event')].map(r => r.dataset.type)");
        assertThat(types.get(0).asText()).isEqualTo("ExecutionStarted");
        assertThat(types.get(types.size() - 1).asText()).isEqualTo("ExecutionFailed");
        String failedEvent = browser.evaluate("[...document.querySelectorAll('#events tr.event')]"
                + ".filter(r => /(Task|LambdaFunction)Failed/.test(r.dataset.type)).pop().dataset.eventId").asText();
        browser.click("#events tr[data-event-id='" + failedEvent + "'] button.expand");
        browser.waitFor("document.querySelector('#events tr[data-details-of=\"" + failedEvent + "\"]')");
        assertThat(browser.text("#events tr[data-details-of='" + failedEvent + "']")).contains(ERRORS + "PaymentDeclinedException");
        screenshot("#history", "console-history.png");
    }

    @Test
    void redrivesAFailedExecutionFromTheConsoleUntilItSucceeds() {
        confirmBroken.set(true);
        String arn = start(fulfilment, "ord-redrive", order("ord-redrive").put("failConfirm", true));
        assertThat(awaitEnd(arn).status()).isEqualTo(ExecutionStatus.FAILED);

        browser.navigate(url("#/execution/" + encode(arn)));
        browser.waitFor("document.querySelector('[data-state=\"ConfirmOrder\"]')?.dataset.status === 'failed'");
        assertThat(stateStatuses()).containsEntry("Fulfil", "succeeded").containsEntry("PackItem", "succeeded")
                .containsEntry("NotifyCustomer", "succeeded").containsEntry("ChargePayment", "succeeded")
                .containsEntry("OrderFailed", "not-reached");

        confirmBroken.set(false);
        browser.click("#redrive-execution");
        browser.click("#confirm-ok");
        browser.waitFor("document.querySelector('#execution-status [data-status]')?.dataset.status === 'SUCCEEDED'", EXECUTION_DEADLINE);
        browser.waitFor("document.querySelector('[data-state=\"ConfirmOrder\"]')?.dataset.status === 'succeeded'");
        assertThat(browser.evaluate("[...document.querySelectorAll('#events tr.event')].some(r => r.dataset.type === 'ExecutionRedriven')").asBoolean()).isTrue();
        assertThat(browser.text("#execution-facts")).contains("Redrive count").contains("1");
        assertThat(operations).anyMatch(op -> op.startsWith("RedriveExecution"));
    }

    @Test
    void stopsARunningExecutionThatShowedItsStateInProgress() {
        String arn = start(approval, "ord-waiting", order("ord-waiting"));

        browser.navigate(url("#/execution/" + encode(arn)));
        browser.waitFor("document.querySelector('[data-state=\"WaitForApproval\"]')?.dataset.status === 'in-progress'");
        assertThat(browser.text("#execution-status")).isEqualTo("Running");

        browser.click("#stop-execution");
        browser.type("#confirm-error", "Manual.Stop");
        browser.click("#confirm-ok");
        browser.waitFor("document.querySelector('#execution-status [data-status]')?.dataset.status === 'ABORTED'", EXECUTION_DEADLINE);
        browser.waitFor("document.querySelector('[data-state=\"WaitForApproval\"]')?.dataset.status === 'aborted'");
        assertThat(engine.describeExecution(arn).status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(operations).anyMatch(op -> op.startsWith("StopExecution") && op.contains("Manual.Stop"));
    }

    @Test
    void startsAnExecutionWithJsonInputRefusesInputThatIsNotJsonAndCopiesThePrettyInput() {
        browser.navigate(url("#/machine/" + encode(fulfilment)));
        browser.click("#start-execution");
        browser.type("#start-name", "ord-started");
        browser.type("#start-input", "{\"orderId\": ");
        browser.click("#start-submit");
        browser.waitFor("document.querySelector('#dialog .form-error')?.textContent.startsWith('The input is not JSON')");
        assertThat(operations).noneMatch(op -> op.startsWith("StartExecution"));

        browser.type("#start-input", order("ord-started").toString());
        browser.click("#start-submit");
        browser.waitFor("location.hash.startsWith('#/execution/') && document.querySelector('#execution-name')?.textContent === 'ord-started'");
        browser.waitFor("document.querySelector('#execution-status [data-status]')?.dataset.status === 'SUCCEEDED'", EXECUTION_DEADLINE);
        assertThat(browser.text("[data-testid='execution-input']")).contains("\"orderId\": \"ord-started\"");
        assertThat(browser.text("[data-testid='execution-output']")).contains("\"status\": \"CONFIRMED\"");

        browser.command("Browser.grantPermissions", Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        browser.click(".json-block:has([data-testid='execution-input']) button");
        browser.waitFor("document.querySelector(\".json-block:has([data-testid='execution-input']) button\").textContent === 'Copied'");
        assertThat(browser.evaluate("navigator.clipboard.readText()").asText())
                .isEqualTo(browser.text("[data-testid='execution-input']")).contains("\"orderId\": \"ord-started\"");
    }

    @Test
    void showsTheNewestOfTenThousandExecutionsFromOnePagedQueryAndFindsOneByNameWithoutAScan() {
        String bulk = engine.createStateMachine("bulk-orders", "{\"StartAt\":\"Done\",\"States\":{\"Done\":{\"Type\":\"Succeed\"}}}",
                "arn:aws:iam::123456789012:role/console-test", "STANDARD", null).stateMachineArn();
        String last = null;
        for (int i = 0; i < 10_000; i++) {
            last = start(bulk, "bulk-%05d".formatted(i), order("bulk-%05d".formatted(i)));
        }
        awaitEnd(last);
        operations.clear();

        long started = System.nanoTime();
        browser.navigate(url("#/machine/" + encode(bulk)));
        browser.waitFor("document.querySelectorAll('#executions tbody tr').length === 25");
        Duration shown = Duration.ofNanos(System.nanoTime() - started);

        assertThat(shown).as("time to show the first page").isLessThan(Duration.ofSeconds(5));
        assertThat(browser.text("#executions tbody tr:first-child td:first-child")).isEqualTo("bulk-09999");
        assertThat(operations).filteredOn(op -> op.startsWith("ListExecutions")).singleElement().asString().contains("\"maxResults\":25");
        assertThat(operations).noneMatch(op -> op.startsWith("DescribeExecution") || op.startsWith("GetExecutionHistory"));

        browser.type("#search-name", "bulk-04242");
        browser.click("#search-submit");
        browser.waitFor("document.querySelector('#search-result tbody tr td a')?.textContent === 'bulk-04242'");
        assertThat(operations).filteredOn(op -> op.startsWith("ListExecutions")).hasSize(1);
        assertThat(operations).filteredOn(op -> op.startsWith("DescribeExecution")).singleElement().asString()
                .contains("execution:bulk-orders:bulk-04242");
    }

    // ------------------------------------------------------------------------------------------------ support

    /** Lambda stand-ins: the execution input carries flags that make a step fail. */
    private static LambdaResult invoke(String function, JsonNode payload) {
        String order = payload.path("orderId").asText();
        return switch (function.substring(function.lastIndexOf(':') + 1)) {
            case "ReserveStock" -> payload.path("failFirstReserve").asBoolean()
                    && attempts.computeIfAbsent(order, k -> new AtomicInteger()).getAndIncrement() == 0
                    ? new TaskInvoker.Raised(ERRORS + "TransientException", "{\"errorMessage\":\"inventory busy\"}")
                    : returned("{\"total\":1200,\"currency\":\"EUR\"}");
            case "ChargePayment" -> payload.path("declinePayment").asBoolean()
                    ? new TaskInvoker.Raised(ERRORS + "PaymentDeclinedException", "{\"errorMessage\":\"card declined <b>by bank</b>\"}")
                    : returned("{\"chargeId\":\"ch-1\",\"status\":\"CHARGED\"}");
            case "ConfirmOrder" -> payload.path("failConfirm").asBoolean() && confirmBroken.get()
                    ? new TaskInvoker.Raised("java.lang.IllegalStateException", "{\"errorMessage\":\"orders table unavailable\"}")
                    : returned("{\"status\":\"CONFIRMED\"}");
            case "PackItem" -> returned("{\"packed\":true}");
            case "ReleaseStock" -> returned("{\"released\":true}");
            case "RequestApproval" -> returned("{\"requested\":true}");
            default -> new TaskInvoker.Raised("Lambda.ResourceNotFoundException", "no stand-in for " + function);
        };
    }

    private static LambdaResult returned(String json) {
        try {
            return new TaskInvoker.Returned(new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An order's execution input; the order id is the execution name in this project. */
    private static ObjectNode order(String orderId) {
        ObjectNode order = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("orderId", orderId);
        order.putArray("lines").add(line("SKU-1", 2)).add(line("SKU-2", 1));
        return order;
    }

    private static ObjectNode line(String sku, int quantity) {
        return new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("sku", sku).put("quantity", quantity);
    }

    private static String start(String machine, String name, ObjectNode input) {
        return engine.startExecution(machine, name, input.toString()).executionArn();
    }

    /** Polls DescribeExecution every 20 ms until the execution has ended, failing at the deadline. */
    private static ExecutionInfo awaitEnd(String arn) {
        Instant deadline = Instant.now().plus(EXECUTION_DEADLINE);
        ExecutionInfo info = engine.describeExecution(arn);
        while (info.status() == ExecutionStatus.RUNNING) {
            assertThat(Instant.now()).as("%s still running at the deadline", arn).isBefore(deadline);
            try {
                Thread.sleep(Duration.ofMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + arn, e);
            }
            info = engine.describeExecution(arn);
        }
        return info;
    }

    private static Map<String, String> stateStatuses() {
        JsonNode statuses = browser.evaluate("Object.fromEntries([...document.querySelectorAll('[data-state]')].map(g => [g.dataset.state, g.dataset.status]))");
        Map<String, String> out = new java.util.TreeMap<>();
        statuses.properties().forEach(entry -> out.put(entry.getKey(), entry.getValue().asText()));
        return out;
    }

    private static String url(String hash) {
        return server.endpoint() + "/" + hash;
    }

    private static String encode(String arn) {
        return java.net.URLEncoder.encode(arn, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void screenshot(String selector, String name) throws IOException {
        Path target = Path.of("target", "console-screenshots", name);
        browser.screenshot(selector, target);
        if (Boolean.getBoolean("console.docs")) {
            Path docs = Path.of("..", "docs", name);
            Files.copy(target, docs, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String resource(String name) {
        try (InputStream in = ExecutionConsoleBrowserTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
