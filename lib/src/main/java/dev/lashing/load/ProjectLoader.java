package dev.lashing.load;

import dev.lashing.interpolation.InterpolationException;
import dev.lashing.interpolation.Interpolator;
import dev.lashing.interpolation.ProjectEnvironment;
import dev.lashing.interpolation.Template;
import dev.lashing.interpolation.VariableReference;
import dev.lashing.model.ModelBinder;
import dev.lashing.model.Project;
import dev.lashing.schema.SchemaValidator;
import dev.lashing.schema.Violation;
import dev.lashing.source.ComposeException;
import dev.lashing.source.Diagnostic;
import dev.lashing.source.Origin;
import dev.lashing.source.SourceFile;
import dev.lashing.source.SourceRange;
import dev.lashing.source.Via;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import dev.lashing.tree.ScalarNode;
import dev.lashing.tree.SeqNode;
import dev.lashing.tree.Trees;
import dev.lashing.yaml.ParsedYaml;
import dev.lashing.yaml.SourceFiles;
import dev.lashing.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads a Compose project in the order compose-go does it, for each file and each YAML document of a file:
 * parse, interpolate, validate, record {@code !reset}/{@code !override}, canonical form, include, extends,
 * merge over the earlier files. Then project name, normalization, cross-field checks and the typed model.
 * Every error found is collected before failing, so a user sees all of them at once.
 *
 * <p>A strict load stops where Compose stops, with the errors found so far. A lenient load (for lint) goes on:
 * it leaves out each value an error condemns, and a file whose YAML cannot be read, and binds what is left, so
 * that the rules see the best model there is beside the errors.
 */
public final class ProjectLoader {
  /** Each round leaves out a value one level up at most; Compose's schema nests few levels deep. */
  private static final int MAX_PRUNING_ROUNDS = 6;
  private static final String PROJECT_NAME = "COMPOSE_PROJECT_NAME";
  private final LoadOptions options;
  private final Path workingDirectory;
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final List<VariableReference> variables = new ArrayList<>();
  /** Where the steps that may run on slices of a document add what they find: the two lists above. */
  private final ServiceSlices.Found found = new ServiceSlices.Found(diagnostics, variables);
  private final Map<String, SourceFile> sources = new LinkedHashMap<>();
  private final Set<String> composeFiles = new LinkedHashSet<>();
  private final Map<String, LoadResult.Placement> placements = new HashMap<>();
  /** Each compose file parsed once, by name: a file named again (extends, include) is not parsed again. */
  private final Map<String, ParsedYaml> parsedFiles = new LinkedHashMap<>();
  /** Text to use instead of a file's content, by absolute normalized path (a fix previewing its result). */
  private final Map<Path, String> overlay;
  /**
   * An earlier load of the project, or null: a file it parsed that reads the same now is not parsed again, and its
   * project environment is taken as it is when the env files read the same.
   */
  private final LoadResult earlier;
  private final boolean lenient;
  /** Services whose definition could not be read whole (their extends base is missing or refused). */
  private final Set<String> incomplete = new LinkedHashSet<>();
  /** How many services a document needs for its per-service steps to run on slices side by side. */
  private final int slicedFromServices;
  /** Services per run walked ahead while a file is read ({@link ServicesAhead}); 0 for none. */
  private final int runAhead;
  /** What port ranges and {@code extends} may build beyond what the files write. */
  private final ExpansionBudget budget;
  /**
   * Whether the project name the services were walked ahead with is the one the files give: they were walked
   * before the files' {@code name} was known, so a run that asked for COMPOSE_PROJECT_NAME holds only then.
   */
  private boolean nameAheadHolds = true;

  /** The project's directory, its environment and the include chain that led to it. */
  record Scope(Path projectDirectory, Map<String, String> environment, IncludeChain includeChain) {}

  private ProjectLoader(LoadOptions options, Map<Path, String> overlay, LoadResult earlier, boolean lenient,
      int slicedFromServices, int runAhead) {
    this(options, overlay, earlier, lenient, slicedFromServices, runAhead, ExpansionBudget.sideBySide());
  }

  private ProjectLoader(LoadOptions options, Map<Path, String> overlay, LoadResult earlier, boolean lenient,
      int slicedFromServices, int runAhead, ExpansionBudget budget) {
    this.options = options;
    this.earlier = earlier;
    this.budget = budget;
    this.slicedFromServices = slicedFromServices;
    this.runAhead = runAhead;
    this.overlay = Map.copyOf(overlay);
    this.lenient = lenient;
    this.workingDirectory = options.workingDirectory().toAbsolutePath().normalize();
  }

  /**
   * Loads the project.
   *
   * @throws ComposeException with every error, positioned, when Compose would refuse the files
   */
  public static LoadResult load(LoadOptions options) {
    return load(options, Map.of());
  }

  /**
   * Loads the project as if some files held other text: {@code overlay} maps absolute, normalized paths to
   * the text to read instead (how {@code lashing fix} checks its result before writing anything).
   */
  public static LoadResult load(LoadOptions options, Map<Path, String> overlay) {
    return new ProjectLoader(options, overlay, null, false, ServiceSlices.SLICED_FROM_SERVICES,
        ServicesAhead.RUN).run();
  }

  /**
   * The same, after {@code earlier} (a load of the same project with other text in some files): a file whose text
   * is the one {@code earlier} read is not parsed again, nor are env files that all read the same. Fix and patch
   * load a project once per round, and most of its files (all of them, for a patch) do not change between rounds.
   */
  public static LoadResult load(LoadOptions options, Map<Path, String> overlay, LoadResult earlier) {
    return new ProjectLoader(options, overlay, earlier, false, ServiceSlices.SLICED_FROM_SERVICES,
        ServicesAhead.RUN).run();
  }

  /**
   * Loads the project even where Compose refuses it: the result holds the errors ({@link LoadResult#errors()})
   * and the model without the values they condemn.
   *
   * @throws ComposeException only when there is no project to read at all (no compose file found, an
   *     unreadable {@code --env-file})
   */
  public static LoadResult loadLeniently(LoadOptions options, Map<Path, String> overlay) {
    return new ProjectLoader(options, overlay, null, true, ServiceSlices.SLICED_FROM_SERVICES, ServicesAhead.RUN)
        .run();
  }

  /**
   * A load whose documents are sliced from {@code slicedFromServices} services and whose services are walked
   * ahead in runs of {@code runAhead} (0 for none): tests compare the ways.
   */
  static LoadResult load(LoadOptions options, boolean lenient, int slicedFromServices, int runAhead) {
    return new ProjectLoader(options, Map.of(), null, lenient, slicedFromServices, runAhead).run();
  }

  /** A load in written order with {@code budget}, whose limits a test may set low. */
  static LoadResult load(LoadOptions options, boolean lenient, ExpansionBudget budget) {
    return new ProjectLoader(options, Map.of(), null, lenient, Integer.MAX_VALUE, 0, budget).run();
  }

  /**
   * The project loaded; when port ranges walked side by side went past the budget, loaded again in written order,
   * one service after another, so that the ranges refused are the same whatever the threads did.
   */
  private LoadResult run() {
    try {
      return loadOnce();
    } catch (ExpansionBudget.Exceeded e) {
      return new ProjectLoader(options, overlay, earlier, lenient, Integer.MAX_VALUE, 0, ExpansionBudget.inOrder())
          .loadOnce();
    }
  }

  private LoadResult loadOnce() {
    LoadOptions found = ComposeFiles.found(options, environmentBefore());
    List<Path> files = new ArrayList<>();
    if (options.files().isEmpty()) {
      files.addAll(found.files());
    } else {
      for (Path f : options.files()) {
        files.add(workingDirectory.resolve(f).normalize());
      }
    }
    Path projectDirectory =
        options.projectDirectory() != null
            ? workingDirectory.resolve(options.projectDirectory()).normalize()
            : files.get(0).getParent();
    List<Path> envFiles = options.envFiles().stream().map(workingDirectory::resolve).toList();
    ProjectEnvironment.Resolved projectEnvironment = found.foundWith() == null
        ? ProjectEnvironment.resolve(options.environment(), envFiles, projectDirectory, environmentBefore())
        : ProjectEnvironment.resolveAfter(found.foundWith(), envFiles, projectDirectory, environmentBefore());
    Map<String, String> environment = projectEnvironment.variables();
    // the services are walked ahead with the name the files' own `name` can only replace
    Map<String, String> nameAhead = withProjectName(environment, List.of(), projectDirectory);
    List<Parsed> parsed = parse(files, null, null, new Scope(projectDirectory, nameAhead, IncludeChain.NONE));
    environment = withProjectName(environment, parsed, projectDirectory);
    nameAheadHolds = Objects.equals(environment.get(PROJECT_NAME), nameAhead.get(PROJECT_NAME));
    Scope scope = new Scope(projectDirectory, environment, IncludeChain.NONE);

    MapNode model = loadParsed(parsed, scope);
    failOnErrors();
    String name = ProjectName.of(options.projectName(), environment, model, projectDirectory, diagnostics);
    failOnErrors();
    model = new Normalizer(name, environment, profiles(environment), diagnostics, this::readSource,
        this::displayName, budget, this::charactersRead).normalize(model);
    model = prune(model, Consistency.check(model, diagnostics, incomplete, slicedFromServices));
    failOnErrors();
    List<Diagnostic> bindingProblems = new ArrayList<>();
    Project project = ModelBinder.bind(name, model, bindingProblems);
    diagnostics.addAll(notReportedYet(bindingProblems));
    failOnErrors();
    List<Diagnostic> errors = sortedDistinct(diagnostics.stream().filter(Diagnostic::isError).toList());
    List<Diagnostic> warnings = diagnostics.stream().filter(d -> !d.isError()).distinct().toList();
    return new LoadResult(project, model, warnings, errors, variables, sources, List.copyOf(composeFiles),
        parsedFiles, environment, projectEnvironment, placements);
  }

  /**
   * Where the binder adds its problems: a value already refused by an earlier step is not reported again by
   * the binder, which finds it of the wrong shape too.
   */
  private List<Diagnostic> notReportedYet(List<Diagnostic> found) {
    if (found.isEmpty()) {
      return found;
    }
    Set<SourceRange> reported = new HashSet<>();
    diagnostics.stream().filter(Diagnostic::isError).forEach(d -> reported.add(d.at()));
    return found.stream().filter(d -> !d.isError() || !reported.contains(d.at())).toList();
  }

  /** {@code tree} without the values at {@code condemned} in a lenient load; unchanged in a strict one. */
  private MapNode prune(MapNode tree, List<List<Object>> condemned) {
    return lenient ? Pruning.without(tree, condemned) : tree;
  }

  /** What the earlier load parsed of the file named {@code name}, or null. */
  private ParsedYaml parsedBefore(String name) {
    return earlier == null ? null : earlier.parsed().get(name);
  }

  /** The earlier load's project environment, or null. */
  private ProjectEnvironment.Resolved environmentBefore() {
    return earlier == null ? null : earlier.projectEnvironment();
  }

  ExpansionBudget budget() {
    return budget;
  }

  /** The characters of the files read so far. */
  long charactersRead() {
    long characters = 0;
    for (SourceFile source : sources.values()) {
      characters += source.text().length();
    }
    return characters;
  }

  /** A service whose definition could not be read whole, so that its missing image is not reported again. */
  void incomplete(String service) {
    incomplete.add(service);
  }

  /** The --profile names; only when there are none, COMPOSE_PROFILES (compose-go's WithDefaultProfiles). */
  private Set<String> profiles(Map<String, String> environment) {
    Set<String> profiles = new LinkedHashSet<>(options.profiles());
    String fromEnv = environment.get("COMPOSE_PROFILES");
    if (profiles.isEmpty() && fromEnv != null) {
      for (String p : fromEnv.split(",")) {
        if (!p.isBlank()) {
          profiles.add(p.trim());
        }
      }
    }
    return profiles;
  }

  /** Where Compose stops when there are errors: a strict load throws them, a lenient one goes on. */
  private void failOnErrors() {
    if (lenient) {
      return;
    }
    List<Diagnostic> errors = diagnostics.stream().filter(Diagnostic::isError).toList();
    if (!errors.isEmpty()) {
      throw new ComposeException(sortedDistinct(errors));
    }
  }

  private static List<Diagnostic> sortedDistinct(List<Diagnostic> list) {
    return list.stream()
        .distinct()
        .sorted(Diagnostic.BY_POSITION)
        .toList();
  }

  /** What Compose shows for a path: relative to the working directory when below it. */
  String displayName(Path file) {
    return SourceFiles.displayName(workingDirectory, file);
  }

  /**
   * Reads and parses a compose file (main, override, included or extends base), once per run. What Compose refuses
   * in YAML it can read (a key written twice, a key that is not a string, a tag that does not hold for its value)
   * is recorded as an error of the file, where it is written, and the rest is read on: the project is refused with
   * the other errors found, as for a value the schema refuses.
   *
   * @throws ComposeException when it is not valid YAML
   */
  ParsedYaml parseCompose(Path file) {
    return parseCompose(file, null);
  }

  /** The same, telling {@code ahead} of each service as it is read when the file is read now. */
  private ParsedYaml parseCompose(Path file, ServicesAhead ahead) {
    SourceFile source = readSource(file);
    ParsedYaml yaml = parsedFiles.get(source.name());
    if (yaml == null) {
      ParsedYaml before = parsedBefore(source.name());
      yaml = before != null && before.source() == source ? before // readSource took its text
          : ahead == null ? YamlReader.parse(source) : YamlReader.parse(source, ahead);
      parsedFiles.put(source.name(), yaml);
      diagnostics.addAll(yaml.errors());
    }
    // only files that parse: lint reads their trees, and a file that cannot be read is never fixed
    composeFiles.add(source.name());
    return yaml;
  }

  SourceFile readSource(Path file) {
    String name = displayName(file);
    SourceFile known = sources.get(name);
    if (known != null) {
      return known;
    }
    String replaced = overlay.get(file.toAbsolutePath().normalize());
    SourceFile source = replaced != null ? SourceFiles.ofText(replaced, name) : SourceFiles.read(file, name);
    ParsedYaml before = parsedBefore(name);
    if (before != null && before.source().text().equals(source.text())) {
      source = before.source(); // the same text: its parse is taken as well
    }
    sources.put(name, source);
    return source;
  }

  /**
   * compose-go sets COMPOSE_PROJECT_NAME to the effective project name before it interpolates anything: -p, else
   * COMPOSE_PROJECT_NAME, else the last non-empty top-level {@code name} (interpolated, normalized), else the
   * project directory's name. A bad name is left for {@link ProjectName} to report once the files are loaded.
   */
  private Map<String, String> withProjectName(
      Map<String, String> environment, List<Parsed> parsed, Path projectDirectory) {
    String name = options.projectName();
    if (name == null || name.isEmpty()) {
      name = environment.get(PROJECT_NAME);
    }
    if (name == null || name.isEmpty()) {
      String fromYaml = "";
      for (Parsed file : parsed) {
        for (Node document : file.yaml().documents()) {
          if (document instanceof MapNode map && map.get("name") instanceof ScalarNode n && n.isString()
              && !n.value().isEmpty()) {
            fromYaml = n.value();
          }
        }
      }
      try {
        fromYaml = Template.substitute(fromYaml, environment::get, unset -> { });
      } catch (InterpolationException e) {
        fromYaml = ""; // reported when the file is interpolated
      }
      name = ProjectName.lenient(fromYaml, SourceRange.synthetic("name"), new ArrayList<>());
      Path dir = projectDirectory.getFileName();
      if (name.isEmpty() && dir != null) {
        name = ProjectName.lenient(dir.toString(), SourceRange.synthetic("dir"), new ArrayList<>());
      }
    }
    if (name.isEmpty()) {
      return environment;
    }
    return ProjectEnvironment.withVariable(environment, PROJECT_NAME, name);
  }

  /** One file as read: its YAML documents, and its services walked ahead when they were (else null). */
  record Parsed(Path file, ParsedYaml yaml, ServicesAhead ahead) {}

  /**
   * The files that can be read, parsed, each placed as the files merged in order by {@code includedBy} (null for the
   * -f files); the errors of the others are recorded. With a scope {@code ahead}, the services of each file are
   * walked ahead in it while the file is read.
   */
  private List<Parsed> parse(List<Path> files, SourceRange includedAt, LoadResult.Inclusion includedBy,
      Scope ahead) {
    List<Parsed> parsed = new ArrayList<>();
    for (int position = 0; position < files.size(); position++) {
      Path file = files.get(position);
      ServicesAhead walker = null;
      boolean afterEarlierFiles = !parsed.isEmpty();
      try {
        if (ahead != null && runAhead > 0) {
          SourceFile source = readSource(file);
          walker = new ServicesAhead(runAhead, (document, services) ->
              walkAhead(services, source, file, ahead, afterEarlierFiles || document > 0));
        }
        ParsedYaml yaml = parseCompose(file, walker);
        placements.putIfAbsent(yaml.source().name(), new LoadResult.Placement(includedBy, position));
        parsed.add(new Parsed(file, yaml, walker));
      } catch (ComposeException e) {
        if (walker != null) {
          walker.abandon();
        }
        diagnostics.addAll(relocate(e.diagnostics(), includedAt));
      }
    }
    return parsed;
  }

  /** The files of an include entry merged in order, each document like another file. */
  MapNode loadFiles(List<Path> files, Scope scope, SourceRange includedAt, LoadResult.Inclusion includedBy) {
    return loadParsed(parse(files, includedAt, includedBy, null), scope);
  }

  private MapNode loadParsed(List<Parsed> parsed, Scope scope) {
    MapNode model = null;
    Path lastCombinedIn = null;
    for (Parsed read : parsed) {
      Path file = read.file();
      SourceFile source = read.yaml().source();
      List<Node> documents = read.yaml().documents();
      boolean anyContent = false;
      for (int index = 0; index < documents.size(); index++) {
        Node document = documents.get(index);
        if (document instanceof ScalarNode s && s.isNull()) {
          continue;
        }
        anyContent = true;
        if (!(document instanceof MapNode map)) {
          diagnostics.add(Diagnostic.error(Diagnostic.Kind.SCHEMA, document.origin().at(), "top-level object must be a mapping"));
          continue;
        }
        Layer layer = prepare(map, read.yaml().hasMergeTags(index), file, scope, read.ahead(), index, model != null);
        MapNode earlier = model == null ? MapNode.empty(map.origin()) : layer.resets().applyTo(model);
        if (model != null || layer.extended()) {
          lastCombinedIn = file;
        }
        model = merge(earlier, layer.tree(), layer.unique());
      }
      if (!anyContent) {
        diagnostics.add(Diagnostic.error(source.at(0), "empty compose file"));
      }
    }
    if (model == null) {
      return MapNode.empty(Origin.at(SourceRange.synthetic("(none)")));
    }
    if (lastCombinedIn != null) {
      // Compose validates the model once a document's extends are applied and it is merged over the earlier
      // ones: a base of another file is validated only there, and lists merged without de-duplicating
      // (security_opt...) can break uniqueItems only there. Findings of the documents come again, identical,
      // and are dropped when the errors are reported.
      Path file = lastCombinedIn;
      model = ServiceSlices.apply(model, slicedFromServices,
          (slice, into) -> validate(slice, file, into.diagnostics(), false), found, SchemaValidator.ORDER);
    }
    // Defaults only once all files are merged, so a later file cannot reset an earlier build context.
    model = ServiceSlices.apply(model, slicedFromServices,
        (slice, into) -> PathResolver.resolve(Canonicalizer.applyDefaults(slice), scope.projectDirectory()), found,
        null);
    return scope.includeChain() == IncludeChain.NONE ? model : withIncludedEnvironment(model, scope.environment());
  }

  /**
   * An included project's services with the bare keys of their list-form {@code environment} ({@code - VAR})
   * taken from that project's environment (its env_file, the including project's variables winning), as
   * compose-go resolves them when it loads the included project; what it leaves bare is looked up in the
   * including project's environment later, as any bare key. A key written in map form waits for that too.
   */
  private static MapNode withIncludedEnvironment(MapNode model, Map<String, String> environment) {
    if (!(model.get("services") instanceof MapNode services)) {
      return model;
    }
    MapNode resolved = services.withValuesWalked(s -> {
      if (!(s.value() instanceof MapNode service) || !(service.get("environment") instanceof MapNode declared)
          || !KeyValues.isListForm(declared)) {
        return s.value();
      }
      MapNode values = declared.withValuesWalked(e -> e.value() instanceof ScalarNode v && v.isNull()
          && environment.get(e.name()) != null ? ScalarNode.string(environment.get(e.name()), v.origin()) : e.value());
      return values == declared ? service : service.with("environment", values);
    });
    return resolved == services ? model : model.with("services", resolved);
  }

  private List<Diagnostic> relocate(List<Diagnostic> problems, SourceRange includedAt) {
    if (includedAt == null) {
      return problems;
    }
    return problems.stream()
        .map(d -> d.at().isSynthetic()
            ? d.relocated(includedAt, d.at().file() + ": " + d.message())
            : d)
        .toList();
  }

  private MapNode merge(MapNode earlier, MapNode later, boolean laterUnique) {
    try {
      if (laterUnique) {
        return lenient ? Merger.mergeUnique(earlier, later, diagnostics) : Merger.mergeUnique(earlier, later);
      }
      return lenient ? Merger.merge(earlier, later, diagnostics) : Merger.merge(earlier, later);
    } catch (ComposeException e) {
      diagnostics.addAll(e.diagnostics());
      return earlier;
    }
  }

  /**
   * One document made ready to merge, with the resets it asks of the earlier files; {@code extended} when a
   * service of it extends another, so that it holds values validated nowhere yet; {@code unique} when its lists
   * are unique already, because it was merged over what it includes.
   */
  record Layer(MapNode tree, Resets resets, boolean extended, boolean unique) {}

  /**
   * {@code later} when the document is merged over earlier ones: Compose validates the merged model, so an object
   * of it may leave out a required property the earlier files give (an override's {@code depends_on} entry with
   * {@code required: false} alone); the merged model is validated once all documents are merged.
   */
  private Layer prepare(MapNode document, boolean tagged, Path file, Scope scope, ServicesAhead ahead, int index,
      boolean later) {
    // As compose-go's ResetProcessor: tagged paths are recorded and !reset values dropped while the YAML is
    // decoded, so a !reset value is never interpolated nor validated ("network_mode: !reset null"). A document
    // the reader saw no tag in, nearly every one, is not walked for them.
    Resets resets = tagged ? Resets.collect(document) : Resets.NONE;
    MapNode tree = tagged ? resets.stripResets(document) : document;
    List<ServicesAhead.Walked> walked = ahead == null ? null : ahead.take(index, servicesOf(tree));
    if (walked != null && (walked.stream().anyMatch(w -> w.later() != later)
        || !nameAheadHolds && walked.stream().anyMatch(ServicesAhead.Walked::askedName))) {
      walked = null; // walked as merged over earlier documents or not, and it was the other
    }
    List<ServiceSlices.Step> steps = perServiceSteps(file, scope, scope.environment()::get, sources::get, later);
    tree = perService(tree, walked, 0, steps.get(0), null);
    tree = perService(tree, walked, 1, steps.get(1), SchemaValidator.ORDER);
    if (tree.entry("version") != null) {
      MapNode.Entry version = tree.entry("version");
      diagnostics.add(Diagnostic.warning(Diagnostic.Kind.OBSOLETE_VERSION, version.key().origin().usedAt(),
          "the attribute `version` is obsolete, it will be ignored, please remove it to avoid potential confusion"));
      tree = tree.without("version");
    }
    tree = perService(tree, walked, 2, steps.get(2), null);
    boolean includes = tree.has("include");
    tree = new Includes(this, diagnostics).apply(tree, file, index, scope, resets);
    MapNode extended = new Extends(this, diagnostics).apply(tree, file, scope, resets);
    return new Layer(extended, resets, extended != tree, includes);
  }

  /**
   * Records the schema errors of {@code tree}; a lenient load leaves out the values they condemn, then what
   * leaving them out condemns in turn (a port whose only target was of the wrong type), without reporting
   * those consequences: the first errors already say what to change. A missing property is left for the
   * validation of the merged model (where Compose checks it) when another document or an {@code extends} base may
   * still give it: in a {@code later} document, or in a service that extends another.
   */
  private MapNode validate(MapNode tree, Path file, List<Diagnostic> into, boolean later) {
    List<Violation> violations = checked(tree, file, later);
    violations.forEach(v -> into.add(v.diagnostic()));
    MapNode pruned = tree;
    for (int round = 0; lenient && !violations.isEmpty() && round < MAX_PRUNING_ROUNDS; round++) {
      pruned = Pruning.without(pruned, violations.stream().map(Violation::offending).toList());
      violations = checked(pruned, file, later);
    }
    return pruned;
  }

  private List<Violation> checked(MapNode tree, Path file, boolean later) {
    List<Violation> violations = SchemaValidator.shared().check(tree, displayName(file));
    if (violations.isEmpty() || violations.stream().noneMatch(Violation::missingProperty)) {
      return violations;
    }
    return violations.stream().filter(v -> !v.missingProperty() || !(later || inExtendingService(tree, v))).toList();
  }

  /**
   * Whether {@code v} is about a service of {@code tree} that extends another, not merged with its base yet (not
   * about its {@code extends} itself, which no base completes).
   */
  private static boolean inExtendingService(MapNode tree, Violation v) {
    List<Object> at = v.offending();
    return at.size() >= 2 && "services".equals(at.get(0)) && tree.get("services") instanceof MapNode services
        && at.get(1) instanceof String name && services.get(name) instanceof MapNode service && service.has("extends")
        && !(at.size() >= 3 && "extends".equals(at.get(2)));
  }

  /**
   * The steps of {@link #prepare} that read each service alone, in order: interpolation and casts, the schema,
   * the canonical form and paths. They may run on several slices at once, and while a file is read, so they only
   * read the loader; {@code lookup} and {@code sources} are what interpolation reads.
   */
  private List<ServiceSlices.Step> perServiceSteps(Path file, Scope scope, Function<String, String> lookup,
      Function<String, SourceFile> sources, boolean later) {
    return List.of(
        (slice, into) -> interpolate(slice, lookup, sources, into),
        (slice, into) -> validate(slice, file, into.diagnostics(), later),
        (slice, into) -> PathResolver.resolve(Canonicalizer.canonicalize(slice, into.diagnostics(), budget),
            scope.projectDirectory()));
  }

  /** Step {@code number} of {@link #perServiceSteps} over {@code tree}: taken from {@code walked} where it is. */
  private MapNode perService(MapNode tree, List<ServicesAhead.Walked> walked, int number, ServiceSlices.Step step,
      Comparator<Diagnostic> order) {
    return walked == null ? ServiceSlices.apply(tree, slicedFromServices, step, found, order)
        : ServiceSlices.applyWalked(tree, walked, number, step, found, order);
  }

  /**
   * {@code services} of {@code file}, read so far, through the steps of {@link #perServiceSteps} in the scope the
   * file will most likely be loaded in, {@code later} when its document will likely be merged over earlier ones
   * (an override file's). It runs while the reading goes on, on a pool thread or on the reading thread while it
   * waits, so interpolation sees only this file (whose nodes these are), not the loader's map of sources, and
   * tells whether it asked for the project name.
   */
  private ServicesAhead.Walked walkAhead(List<MapNode.Entry> services, SourceFile source, Path file, Scope scope,
      boolean later) {
    Origin none = Origin.at(SourceRange.synthetic(source.name()));
    boolean[] askedName = {false};
    Function<String, String> lookup = name -> {
      askedName[0] |= name.equals(PROJECT_NAME);
      return scope.environment().get(name);
    };
    MapNode slice = MapNode.empty(none).with("services", MapNode.empty(none).withEntries(services));
    List<ServicesAhead.Step> done = new ArrayList<>();
    for (ServiceSlices.Step step
        : perServiceSteps(file, scope, lookup, n -> n.equals(source.name()) ? source : null, later)) {
      ServiceSlices.Found into = ServiceSlices.Found.apart();
      slice = step.apply(slice, into);
      done.add(new ServicesAhead.Step(slice, into));
    }
    return new ServicesAhead.Walked(done, askedName[0], later);
  }

  /** The entries of the one {@code services} mapping of {@code document}, or none. */
  private static List<MapNode.Entry> servicesOf(MapNode document) {
    return document.get("services") instanceof MapNode services ? services.entries() : List.of();
  }

  MapNode interpolate(MapNode document, Scope scope) {
    return interpolate(document, scope.environment()::get, sources::get, found);
  }

  /** {@code document} interpolated and cast. */
  private static MapNode interpolate(MapNode document, Function<String, String> lookup,
      Function<String, SourceFile> sources, ServiceSlices.Found into) {
    Interpolator.Result result = Interpolator.interpolate(document, lookup, sources);
    into.diagnostics().addAll(result.diagnostics());
    into.variables().addAll(result.references());
    return Casts.apply((MapNode) result.tree(), into.diagnostics());
  }

  /** {@code node} as brought in by an {@code include} or {@code extends} written at {@code at}. */
  static Node via(Node node, Via.Kind kind, SourceRange at) {
    return Trees.withVia(node, kind, at);
  }

  static List<Node> items(Node node) {
    return node instanceof SeqNode seq ? seq.items() : node == null ? List.of() : List.of(node);
  }
}
