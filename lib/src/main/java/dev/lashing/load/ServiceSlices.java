package dev.lashing.load;

import dev.lashing.interpolation.VariableReference;
import dev.lashing.source.Diagnostic;
import dev.lashing.tree.MapNode;
import dev.lashing.tree.Node;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A document with many services cut into slices of its services, so that the steps of the loader that read
 * each service alone (interpolation and casts, the schema, the canonical form, paths and defaults) run on the
 * slices side by side.
 * Each slice finds into its own lists; the slices' trees and findings are joined in written order, so the result
 * is the one a single walk gives, whatever the threads. The keys before {@code services} go with the first
 * slice and the keys after it with the last, so each key is walked once and in order.
 */
final class ServiceSlices {
  /** Below this many services a document is walked whole: handing slices to other threads would cost more. */
  static final int SLICED_FROM_SERVICES = 512;

  /** What a step finds in one slice. */
  record Found(List<Diagnostic> diagnostics, List<VariableReference> variables) {
    /** Lists of its own, for a slice walked apart from the others. */
    static Found apart() {
      return new Found(new ArrayList<>(), new ArrayList<>());
    }
  }

  /** One step of the loader over a document or a slice of it. */
  @FunctionalInterface
  interface Step {
    MapNode apply(MapNode slice, Found found);
  }

  private ServiceSlices() {}

  /**
   * {@code step} applied to {@code document}, on slices side by side when it has at least {@code slicedFrom}
   * services; what it finds is added to {@code found} in written order. {@code order}, when not null, is the
   * order the step gives its diagnostics in each slice, restored over the joined slices.
   */
  static MapNode apply(MapNode document, int slicedFrom, Step step, Found found, Comparator<Diagnostic> order) {
    List<MapNode> slices = split(document, slicedFrom);
    if (slices.size() == 1) {
      return step.apply(document, found);
    }
    List<Found> eachFound = slices.stream().map(slice -> Found.apart()).toList();
    List<MapNode> done = IntStream.range(0, slices.size())
        .parallel()
        .mapToObj(i -> step.apply(slices.get(i), eachFound.get(i)))
        .toList();
    return joined(done, eachFound, found, order);
  }

  /** The walked slices as one document, and what each found added to {@code found} in their order. */
  private static MapNode joined(List<MapNode> done, List<Found> eachFound, Found found, Comparator<Diagnostic> order) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Found f : eachFound) {
      diagnostics.addAll(f.diagnostics());
      found.variables().addAll(f.variables());
    }
    if (order != null) {
      diagnostics.sort(order); // stable: equal diagnostics of several slices stay in the slices' order
    }
    found.diagnostics().addAll(diagnostics);
    return join(done);
  }

  /**
   * {@code step}, number {@code number} of the steps, applied to {@code document} whose services were walked
   * ahead in {@code runs} ({@link ServicesAhead}): each run's result is taken as it is, and only the keys before
   * and after {@code services} are walked now, as two slices whose {@code services} are empty. What is found is
   * joined as {@link #apply} joins it.
   */
  static MapNode applyWalked(MapNode document, List<ServicesAhead.Walked> runs, int number, Step step, Found found,
      Comparator<Diagnostic> order) {
    int at = servicesIndex(document);
    Found headFound = Found.apart();
    Found tailFound = Found.apart();
    List<MapNode> slices = new ArrayList<>();
    List<Found> eachFound = new ArrayList<>();
    slices.add(step.apply(slice(document, at, 0, 0, true, false), headFound));
    eachFound.add(headFound);
    for (ServicesAhead.Walked run : runs) {
      slices.add(run.steps().get(number).slice());
      eachFound.add(run.steps().get(number).found());
    }
    slices.add(step.apply(slice(document, at, 0, 0, false, true), tailFound));
    eachFound.add(tailFound);
    return joined(slices, eachFound, found, order);
  }

  /** The document as slices of its services, or the document alone when it has too few to be worth it. */
  private static List<MapNode> split(MapNode document, int slicedFrom) {
    int at = servicesIndex(document);
    MapNode services = at < 0 ? null : (MapNode) document.entries().get(at).value();
    int count = services == null ? 1 : count(services.size(), slicedFrom);
    if (count == 1) {
      return List.of(document);
    }
    List<MapNode> slices = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      slices.add(slice(document, at, services.size() * i / count, services.size() * (i + 1) / count, i == 0,
          i == count - 1));
    }
    return slices;
  }

  /**
   * {@code document} with its services {@code from} to {@code to} ({@code services} at entry {@code at}), and
   * the keys before {@code services} when {@code first}, those after it when {@code last}.
   */
  private static MapNode slice(MapNode document, int at, int from, int to, boolean first, boolean last) {
    List<MapNode.Entry> top = document.entries();
    MapNode services = (MapNode) top.get(at).value();
    List<MapNode.Entry> entries = new ArrayList<>();
    if (first) {
      entries.addAll(top.subList(0, at));
    }
    entries.add(top.get(at).withValue(services.withEntries(services.entries().subList(from, to))));
    if (last) {
      entries.addAll(top.subList(at + 1, top.size()));
    }
    return document.withEntries(entries);
  }

  /**
   * Into how many slices {@code services} services are cut: one (walked whole) below {@code slicedFrom} or on a
   * single core, else a few per core, so that a core whose slice is quick takes another.
   */
  static int count(int services, int slicedFrom) {
    if (services < slicedFrom) {
      return 1;
    }
    // asked only now: in a container it reads the control group's files, and a file of 20,000 documents asks
    // three times for each
    int cores = Runtime.getRuntime().availableProcessors();
    return cores == 1 ? 1 : Math.min(4 * cores, services / Math.max(1, slicedFrom / 4));
  }

  /** The slices, each walked, as one document: the first slice's keys, every slice's services, the last's keys. */
  private static MapNode join(List<MapNode> slices) {
    MapNode first = slices.get(0);
    MapNode last = slices.get(slices.size() - 1);
    int firstAt = servicesIndex(first);
    int lastAt = servicesIndex(last);
    MapNode.Entry servicesEntry = first.entries().get(firstAt);
    List<MapNode.Entry> services = new ArrayList<>();
    for (MapNode slice : slices) {
      services.addAll(((MapNode) slice.entries().get(servicesIndex(slice)).value()).entries());
    }
    List<MapNode.Entry> entries = new ArrayList<>(first.entries().subList(0, firstAt));
    entries.add(servicesEntry.withValue(((MapNode) servicesEntry.value()).withEntries(services)));
    entries.addAll(last.entries().subList(lastAt + 1, last.size()));
    return first.withEntries(entries);
  }

  /** Where the one {@code services} mapping of a document is among its entries, or -1. */
  private static int servicesIndex(MapNode document) {
    int found = -1;
    for (int i = 0; i < document.size(); i++) {
      if (document.entries().get(i).name().equals("services")) {
        if (found >= 0) {
          return -1;
        }
        found = i;
      }
    }
    Node value = found < 0 ? null : document.entries().get(found).value();
    return value instanceof MapNode ? found : -1;
  }
}
