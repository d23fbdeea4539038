package io.github.camelmessenger.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web page in a real headless browser (Debian's chromium and chromium-driver): a user types, taps a quick reply
 * and a card button, taps Notify Me; the Page Inbox answers and hands back; the page shows each answer live.
 * Screenshots go to target/screenshots. Under CI=true a missing browser fails the test instead of skipping it.
 */
class SandboxPageBrowserTest extends SandboxRouteTestSupport {

    private static final String CHROMIUM = System.getProperty("sandbox.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("sandbox.chromedriver", "/usr/bin/chromedriver");
    private static final Path SHOTS = Paths.get("target", "screenshots");

    private WebDriver browser;
    private WebDriverWait wait;
    private Path profile;

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new DemoBotRoutes();
    }

    @BeforeEach
    void openBrowser() throws IOException {
        boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
        if (!present) {
            String message = "chromium / chromedriver not found at " + CHROMIUM + " / " + DRIVER
                             + " (apt-get install chromium chromium-driver)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(message + ": the browser test must run under CI");
            }
            System.err.println("!!! SKIPPING the sandbox browser test: " + message);
            Assumptions.abort(message);
        }
        profile = Files.createTempDirectory("sandbox-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1400,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        // the page redraws the chat on every live notice: an element found a moment ago may be gone
        wait = (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(15))
                .ignoring(StaleElementReferenceException.class);
        Files.createDirectories(SHOTS);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aUserChatsTapsTheBotsOffersAndThePageInboxTakesOverAndHandsBack() throws IOException {
        browser.get(sandbox.pageUrl());
        wait.until(d -> "true".equals(((JavascriptExecutor) d).executeScript("return document.body.dataset.live")));

        // a user is created on the page and types
        browser.findElement(By.id("new-user-name")).sendKeys("Alice Martin\n");
        wait.until(ExpectedConditions.textToBe(By.id("chat-user"), "Alice Martin"));
        WebElement text = wait.until(ExpectedConditions.elementToBeClickable(By.id("text")));
        text.sendKeys("hi\n");
        waitForBubble(".row.bot .bubble", "Hello hi! What would you like?");
        assertThat(browser.findElements(By.cssSelector("#quick-replies .chip"))).extracting(WebElement::getText)
                .containsExactly("Show me a card", "alice.martin@example.org", "Talk to a human");

        // a quick reply, then a card button
        tap("#quick-replies .chip", "Show me a card");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".card .title"), "Winter hat"));
        tap(".card button", "Notify me");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".otn .title"),
                "Back in stock?"));
        shot("sandbox-card-and-notify-me");

        // Notify Me
        tap(".otn button.notify", "Notify Me");
        waitForBubble(".row.bot .bubble", "Thanks, we will tell you once.");

        // the user asks for a human: the bot passes the thread to the Page Inbox
        browser.findElement(By.id("text")).sendKeys("I need help\n");
        waitForBubble(".row.bot .bubble", "Hello I need help! What would you like?");
        tap("#quick-replies .chip", "Talk to a human");
        waitForBubble(".row.bot .bubble", "A human will answer you here shortly.");
        wait.until(ExpectedConditions.textToBe(By.id("owner"), "Page Inbox"));

        // a person answers in the Page Inbox, then hands the conversation back
        browser.findElement(By.cssSelector(".tabs button[data-tab=inbox]")).click();
        browser.findElement(By.id("inbox-text")).sendKeys("Hi Alice, Eve from support here.\n");
        waitForBubble(".row.agent .bubble", "Hi Alice, Eve from support here.");
        browser.findElement(By.id("inbox-handback")).click();
        waitForBubble(".row.bot .bubble", "The bot is back. How can I help?");
        wait.until(ExpectedConditions.textToBe(By.id("owner"), "Bot"));

        browser.findElement(By.cssSelector(".tabs button[data-tab=inspector]")).click();
        assertThat(browser.findElements(By.cssSelector("#inspector li"))).hasSizeGreaterThan(10);
        Path chat = shot("sandbox-chat");
        assertThat(Files.size(chat)).isGreaterThan(10_000);

        // still usable on a phone-sized window: nothing wider than the screen, the composer in reach
        browser.manage().window().setSize(new Dimension(390, 844));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth + 1"));
        assertThat(browser.findElement(By.id("text")).isDisplayed()).isTrue();
        shot("sandbox-phone");
    }

    private void waitForBubble(String css, String text) {
        wait.until(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().equals(text)));
    }

    /** Clicks the element with this text, finding it again if a redraw replaced it meanwhile. */
    private void tap(String css, String label) {
        wait.until(d -> {
            WebElement e = d.findElements(By.cssSelector(css)).stream().filter(x -> x.getText().equals(label))
                    .findFirst().orElse(null);
            if (e == null) {
                return false;
            }
            e.click();
            return true;
        });
    }

    private Path shot(String name) throws IOException {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = SHOTS.resolve(name + ".png");
        Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
