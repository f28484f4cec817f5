package cn.fj.emergency.command.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.http.MediaType;

import cn.fj.emergency.command.support.Hub;

/**
 * A real Chromium (Debian's {@code /usr/bin/chromium} through {@code /usr/bin/chromedriver}, headless) driving the
 * console of a {@link Hub}. Everything it writes stays under {@code target/}: the profile, TMPDIR, XDG_CONFIG_HOME
 * and XDG_CACHE_HOME. Screenshots go to {@code target/browser-screenshots/<TestClass>/<name>.png}. Elements are
 * found by {@code data-testid}.
 */
public final class Browser implements AutoCloseable {

	public static final Duration TIMEOUT = Duration.ofSeconds(15);

	private static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));

	/** Kept, so that the level holds: Debian's Chromium is usually newer than the CDP versions Selenium ships. */
	private static final java.util.logging.Logger CDP_VERSION_LOG = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

	private final ChromeDriver driver;

	private final ChromeDriverService service;

	private final Path screenshots;

	private String baseUrl = "";

	private Browser(ChromeDriver driver, ChromeDriverService service, Path screenshots) {
		this.driver = driver;
		this.service = service;
		this.screenshots = screenshots;
	}

	/** A fresh browser (own profile) for the test class, whose name names the screenshot folder. */
	public static Browser start(Class<?> testClass) {
		Path target = Path.of("target").toAbsolutePath();
		// short: Chromium puts a Unix socket (at most 107 bytes of path) below TMPDIR
		Path home = target.resolve("chr").resolve(UUID.randomUUID().toString().substring(0, 6));
		Path screenshots = target.resolve("browser-screenshots").resolve(testClass.getSimpleName());
		try {
			Files.createDirectories(home.resolve("tmp"));
			if (home.resolve("tmp").toString().length() > 60) {
				// a checkout in a deep folder: TMPDIR under the system's temporary folder instead
				home = Files.createTempDirectory("chr");
				Files.createDirectories(home.resolve("tmp"));
			}
			Files.writeString(home.resolve("test-class"), testClass.getName());
			Files.createDirectories(home.resolve("config"));
			Files.createDirectories(home.resolve("cache"));
			Files.createDirectories(screenshots);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Map<String, String> environment = new HashMap<>();
		environment.put("TMPDIR", home.resolve("tmp").toString());
		environment.put("XDG_CONFIG_HOME", home.resolve("config").toString());
		environment.put("XDG_CACHE_HOME", home.resolve("cache").toString());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.withEnvironment(environment)
			.withLogFile(home.resolve("chromedriver.log").toFile())
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1440,900", "--lang=en-US",
				"--user-data-dir=" + home.resolve("profile"));
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(TIMEOUT);
		return new Browser(driver, service, screenshots);
	}

	private static java.util.logging.Logger quiet(String name) {
		java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
		logger.setLevel(java.util.logging.Level.SEVERE);
		return logger;
	}

	/** Registers an officer who signs in with a password ({@code POST /api/admin/officers}); city may be null. */
	public static void createOfficer(Hub hub, String username, String password, String cityCode, String... roles) {
		Map<String, Object> request = new HashMap<>();
		request.put("username", username);
		request.put("password", password);
		request.put("roles", Set.of(roles));
		request.put("cityCode", cityCode);
		hub.http()
			.post()
			.uri("/api/admin/officers")
			.headers(h -> h.setBearerAuth(hub.adminToken()))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isCreated();
	}

	public ChromeDriver driver() {
		return this.driver;
	}

	/** Opens {@code path} (e.g. {@code /console/}) on the hub's HTTP port. */
	public Browser open(Hub hub, String path) {
		this.baseUrl = "http://127.0.0.1:" + hub.httpPort();
		this.driver.get(this.baseUrl + path);
		return this;
	}

	/** Opens the console and signs in; waits until the shell shows (or the sign-in error does). */
	public Browser signIn(String username, String password) {
		WebElement user = waitFor("signin-username");
		user.clear();
		user.sendKeys(username);
		WebElement pass = find("signin-password");
		pass.clear();
		pass.sendKeys(password);
		find("signin-submit").click();
		waitUntil(() -> !this.driver.findElements(By.cssSelector("[data-testid='shell-user']")).isEmpty()
				|| find("signin-error").isDisplayed(), "the shell or a sign-in error");
		return this;
	}

	/**
	 * Opens the console, switches it to {@code lang} (e.g. {@code zh-CN}, {@code en}), signs {@code username} in and
	 * waits for the live stream.
	 */
	public Browser signInTo(Hub hub, String lang, String username, String password) {
		open(hub, "/console/");
		script("localStorage.setItem('hub.console.lang', arguments[0])", lang);
		this.driver.navigate().refresh();
		signIn(username, password);
		return waitForLive();
	}

	/** Waits for the live stream indicator to say live. */
	public Browser waitForLive() {
		waitUntil(() -> "live".equals(find("stream-status").getAttribute("data-status")), "stream-status live");
		return this;
	}

	public WebElement find(String testid) {
		return this.driver.findElement(byTestId(testid));
	}

	public List<WebElement> findAll(String testid) {
		return this.driver.findElements(byTestId(testid));
	}

	public static By byTestId(String testid) {
		return By.cssSelector("[data-testid='" + testid + "']");
	}

	/** The visible element with this {@code data-testid}. */
	public WebElement waitFor(String testid) {
		return waitFor(testid, TIMEOUT);
	}

	public WebElement waitFor(String testid, Duration timeout) {
		return new WebDriverWait(this.driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(byTestId(testid)));
	}

	/** Waits until the element with this {@code data-testid} contains the text. */
	public WebElement waitForText(String testid, String text) {
		new WebDriverWait(this.driver, TIMEOUT).until(ExpectedConditions.textToBePresentInElementLocated(byTestId(testid), text));
		return find(testid);
	}

	public void waitUntil(Supplier<Boolean> condition, String what) {
		waitUntil(condition, TIMEOUT, what);
	}

	public void waitUntil(Supplier<Boolean> condition, Duration timeout, String what) {
		// screens re-render: an element found a moment ago may be replaced while the condition reads it
		new WebDriverWait(this.driver, timeout).withMessage(() -> "waiting for " + what)
			.ignoring(StaleElementReferenceException.class)
			.until(d -> condition.get());
	}

	/** Runs JavaScript in the page ({@code arguments[i]} are the args). */
	/**
	 * A wait for conditions on the page, with this message on timeout: it retries through elements found stale
	 * (a screen re-rendered between finding an element and reading it) as through elements not found yet.
	 */
	public WebDriverWait await(Duration timeout, String what) {
		WebDriverWait wait = new WebDriverWait(this.driver, timeout);
		wait.withMessage(what).ignoring(StaleElementReferenceException.class);
		return wait;
	}

	public Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/** Runs asynchronous JavaScript: the script calls {@code arguments[arguments.length - 1]} with its result. */
	public Object asyncScript(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeAsyncScript(script, args);
	}

	/** Saves a PNG of the page under target/browser-screenshots/&lt;TestClass&gt;/&lt;name&gt;.png; answers its path. */
	public Path screenshot(String name) {
		Path file = this.screenshots.resolve(name + ".png");
		try {
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return file;
	}

	/** The page's console messages so far (for failure messages). */
	public List<String> consoleLog() {
		return this.driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			this.service.stop();
		}
	}

}
