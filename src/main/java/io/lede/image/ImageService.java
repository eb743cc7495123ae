package io.lede.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.lede.db.AfterCommit;
import io.lede.db.RetryOnConflict;
import io.lede.error.ProblemException;
import io.lede.error.ProblemType;
import io.lede.http.IfMatch;
import io.lede.http.Representations;
import io.lede.http.VersionedWrites;
import io.lede.input.MergePatcher;
import io.lede.paging.Cursor;
import io.lede.paging.Page;
import io.lede.paging.TimeKeyset;
import io.lede.paging.TimeOrder;
import io.lede.text.Ids;
import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Images' rules: what an upload must be (checked by its bytes, size and pixel count before it is
 * decoded), keeping files and rows in step, and renditions.
 */
@ApplicationScoped
@Transactional
@RetryOnConflict
public class ImageService {

    /**
     * Bytes to send, their type, a strong ETag that names exactly these bytes, and for a rendition the
     * query that asks for it with its sizes snapped to steps (null for the original).
     */
    public record Content(byte[] bytes, String mimeType, String etag, String canonicalQuery) {
    }

    private final ImageStore store;
    private final RenditionCache renditions;
    private final ImageMapper mapper;
    private final ImageQuery query;
    private final MergePatcher patcher;
    private final UploadCheck uploads;
    private final TransactionSynchronizationRegistry transactions;
    private final VersionedWrites writes;
    private final RenditionSteps steps;
    private final RenditionSlots slots;
    private final List<ImageUsers> users;

    public ImageService(ImageStore store, RenditionCache renditions, ImageMapper mapper, ImageQuery query,
            MergePatcher patcher, UploadCheck uploads, TransactionSynchronizationRegistry transactions,
            VersionedWrites writes, RenditionSteps steps, RenditionSlots slots, @All List<ImageUsers> users) {
        this.users = users;
        this.writes = writes;
        this.transactions = transactions;
        this.steps = steps;
        this.slots = slots;
        this.store = store;
        this.renditions = renditions;
        this.mapper = mapper;
        this.query = query;
        this.patcher = patcher;
        this.uploads = uploads;
    }

    /**
     * Checks the upload and stores it: the file first, then the row; if the row cannot be written
     * the file goes again, so a refused upload leaves nothing behind.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ImageView upload(Path file, long size, ImageMetadata metadata) throws IOException {
        UploadCheck.Checked upload = uploads.check(file, size);
        ImageFormat format = upload.format();
        ImageDecoder.Size header = upload.size();

        Image image = new Image();
        image.id = UUID.randomUUID();
        image.width = header.width();
        image.height = header.height();
        image.mimeType = format.mimeType();
        image.bytes = size;
        image.storageKey = "originals/" + image.id.toString().substring(0, 2) + "/" + image.id + "." + format.extension();
        image.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        image.updatedAt = image.createdAt;
        // What the request leaves empty, the file's own IPTC/XMP fills (form fields win).
        mapper.copy(EmbeddedMetadata.read(file).under(metadata), image);
        image.thumbhash = upload.placeholders().thumbhash();
        image.dominantColor = upload.placeholders().dominantColor();

        store.put(image.storageKey, file);
        try {
            QuarkusTransaction.requiringNew().run(image::persist);
        } catch (RuntimeException e) {
            store.delete(image.storageKey);
            throw e;
        }
        Log.infof("Stored image %s (%s, %dx%d, %d bytes)", image.id, image.mimeType, image.width, image.height, size);
        return mapper.toView(image);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ImageView find(String id) {
        return mapper.toView(load(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ImageView> list(String q, String credit, Cursor after, int limit, boolean count) {
        return Page.of(query.page(q, credit, after, limit), limit, rows -> {
            Map<UUID, Image> byId = Image.withIds(rows.stream().map(TimeKeyset.Row::id).toList()).stream()
                    .collect(Collectors.toMap(image -> image.id, Function.identity()));
            return rows.stream().map(row -> mapper.toView(byId.get(row.id()))).toList();
        }, row -> row.cursor(TimeOrder.NEWEST), count ? query.count(q, credit) : null);
    }

    /** PATCH: merges into the version the caller's If-Match names. */
    public ImageView patch(String id, JsonNode patch, IfMatch ifMatch) {
        Image image = lockedForWrite(id, ifMatch);
        mapper.copy(patcher.apply(mapper.toMetadata(image), patch, ImageMetadata.class), image);
        image.updatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        image.flush();
        return mapper.toView(image);
    }

    /** Refused while a published or scheduled article uses it; otherwise the row, the file and its renditions go. */
    public void delete(String imageId, IfMatch ifMatch) {
        Image image = lockedForWrite(imageId, ifMatch);
        UUID id = image.id;
        List<String> live = users.stream().flatMap(user -> user.liveUsersOf(id).stream()).distinct().sorted().toList();
        if (!live.isEmpty()) {
            throw ProblemException.of(ProblemType.CONFLICT, "The image is used by published or scheduled article(s) or their live entries: "
                    + String.join(", ", live) + "; remove it from them first");
        }
        // Drafts and archived articles that use it lose the reference with it (on delete cascade).
        image.delete();
        Image.flush();
        // Files go once the row's deletion is committed: a rollback must not leave a row without its file.
        String key = image.storageKey;
        AfterCommit.run(transactions, () -> removeFiles(id, key));
        Log.infof("Deleted image %s", id);
    }

    private void removeFiles(UUID id, String key) {
        try {
            store.delete(key);
        } catch (IOException e) {
            Log.warnf("The file of deleted image %s stays behind: %s", id, e.getMessage());
        }
        renditions.evictImage(id.toString());
    }

    /**
     * The original bytes, or a rendition made once and then served from the cache. Rendition sizes
     * are snapped to steps ({@link RenditionSteps}) and at most a few are generated at once
     * ({@link RenditionSlots}).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Content content(String id, ImageCodec.Spec spec) throws IOException {
        Image image = load(id);
        if (spec == null) {
            try (InputStream original = store.open(image.storageKey)) {
                return new Content(original.readAllBytes(), image.mimeType, tag("original/" + image.storageKey), null);
            }
        }
        ImageCodec.Spec snapped = steps.snap(spec);
        ImageFormat format = snapped.format() != null ? snapped.format() : image.format().renditionDefault();
        ImageCodec.Spec resolved = new ImageCodec.Spec(snapped.width(), snapped.height(), snapped.fit(), format);
        FocalPoint focus = ImageMapper.focalPoint(image) != null ? ImageMapper.focalPoint(image) : FocalPoint.CENTRE;
        String key = renditionKey(image, resolved, focus);
        ImageFormat source = image.format();
        byte[] bytes = renditions.get(key, () -> slots.run(() -> {
            try (InputStream original = store.open(image.storageKey)) {
                return ImageCodec.render(original, source, resolved, focus);
            }
        }));
        return new Content(bytes, format.mimeType(), tag(key), canonicalQuery(snapped));
    }

    /** The query that names a rendition: only what was asked for, sizes snapped, defaults left out. */
    private static String canonicalQuery(ImageCodec.Spec spec) {
        List<String> parts = new ArrayList<>();
        if (spec.width() != null) {
            parts.add("w=" + spec.width());
        }
        if (spec.height() != null) {
            parts.add("h=" + spec.height());
        }
        if (spec.fit() == ImageCodec.Fit.COVER) {
            parts.add("fit=cover");
        }
        if (spec.format() != null) {
            parts.add("format=" + spec.format().apiName());
        }
        return String.join("&", parts);
    }

    /**
     * Of these ids, the ones no image has. The others stay locked against deletion until the
     * caller's transaction ends: an article that uses them is being written.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<UUID> missing(Collection<UUID> ids) {
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        wanted.removeAll(Image.lockedForShare(wanted).stream().map(image -> image.id).collect(Collectors.toSet()));
        return wanted;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, ImageView> views(Collection<UUID> ids) {
        return Image.withIds(new HashSet<>(ids)).stream().collect(Collectors.toMap(image -> image.id, mapper::toView));
    }

    /** Everything that changes a rendition's pixels is in its key; cover crops depend on the focal point. */
    private static String renditionKey(Image image, ImageCodec.Spec spec, FocalPoint focus) {
        String size = (spec.width() == null ? "" : spec.width()) + "x" + (spec.height() == null ? "" : spec.height());
        String crop = spec.fit() == ImageCodec.Fit.COVER ? "-cover-" + focus.x() + "," + focus.y() : "-contain";
        return image.id + "/" + size + crop + "." + spec.format().extension();
    }

    /** Writes lock the image until the transaction ends, and check If-Match against it first. */
    private Image lockedForWrite(String id, IfMatch ifMatch) {
        return writes.lock(id, "image", Image::lockedById, ifMatch, mapper::toView);
    }

    private Image load(String id) {
        return Ids.parse(id).flatMap(uuid -> Image.<Image> findByIdOptional(uuid))
                .orElseThrow(() -> ProblemException.notFound("image", id));
    }

    /** A rendition's bytes follow from its key, so the key alone names them. */
    private static String tag(String key) {
        return Representations.etag(key.getBytes(StandardCharsets.UTF_8)).getValue();
    }
}
