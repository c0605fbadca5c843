package dev.iicsctl.emulator.v3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iicsctl.emulator.catalog.Catalog;
import dev.iicsctl.emulator.http.ApiException;
import dev.iicsctl.emulator.http.ErrorCodes;
import dev.iicsctl.emulator.http.ErrorStyle;
import dev.iicsctl.emulator.http.Json;
import dev.iicsctl.emulator.http.Request;
import dev.iicsctl.emulator.http.Response;
import dev.iicsctl.emulator.http.Router;
import dev.iicsctl.emulator.session.Authenticator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** v3 {@code lookup} and {@code objects}. */
public final class V3ObjectRoutes {
    private static final int MAX_LIMIT = 200;
    private static final int MAX_REFERENCES = 50;

    private final Assets assets;
    private final References references;
    private final Authenticator auth;

    public V3ObjectRoutes(Catalog catalog, Authenticator auth) {
        this.assets = new Assets(catalog);
        this.references = new References(catalog);
        this.auth = auth;
    }

    public void register(Router pod) {
        pod.add("POST", "/saas/public/core/v3/lookup", ErrorStyle.V3, this::lookup);
        pod.add("GET", "/saas/public/core/v3/objects", ErrorStyle.V3, this::objects);
        pod.add("GET", "/saas/public/core/v3/objects/{id}/references", ErrorStyle.V3, this::references);
    }

    /** {@code objects/{id}/references?refType=uses|usedBy&limit=<=50&skip=}: what an object uses or is used by. */
    private Response references(Request request) {
        auth.require(request);
        String id = request.pathParam("id");
        Asset asset = assets.byId(id).orElseThrow(() -> ApiException.notFound(ErrorCodes.NOT_FOUND,
                "No object with id " + id + "."));
        String refType = request.query("refType");
        boolean uses = References.direction(refType).orElseThrow(() ->
                ApiException.badRequest("'refType' must be uses or usedBy."));
        int limit = (int) Math.min(Integer.MAX_VALUE, request.queryNumber("limit", MAX_REFERENCES));
        int skip = (int) Math.min(Integer.MAX_VALUE, request.queryNumber("skip", 0));
        if (limit < 1 || limit > MAX_REFERENCES) {
            throw ApiException.badRequest("'limit' must be between 1 and " + MAX_REFERENCES + ".");
        }
        List<References.Reference> all = references.of(asset.id(), uses);
        ObjectNode out = Json.object();
        out.put("count", all.size());
        out.put("@id", asset.id());
        ArrayNode list = out.putArray("references");
        all.stream().skip(Math.max(0, skip)).limit(limit).forEach(r -> list.add(r.json()));
        return Response.ok(out);
    }

    /**
     * One answer entry per asked object, in the request's order: the object, or for one that does not exist the
     * asked {@code id} / {@code path} and {@code type} with an {@code error} object and no object fields (a choice:
     * the spec leaves a missing path unconfirmed; see docs/emulator.md). So a client can ask for a path as every
     * runnable type in one request.
     */
    private Response lookup(Request request) {
        auth.require(request);
        JsonNode wanted = request.bodyObject().get("objects");
        if (wanted == null || !wanted.isArray() || wanted.isEmpty()) {
            throw ApiException.badRequest("The lookup needs 'objects': a list of {\"id\"} or {\"path\",\"type\"} items.");
        }
        ArrayNode found = Json.array();
        for (JsonNode item : wanted) {
            String id = Json.text(item, "id");
            String path = Json.text(item, "path");
            String type = Json.text(item, "type");
            if (id == null && (path == null || type == null)) {
                throw ApiException.badRequest("Each lookup item needs 'id', or 'path' and 'type'.");
            }
            Optional<Asset> asset = id != null ? assets.byId(id) : assets.byPath(path, type);
            found.add(asset.map(Asset::json).orElseGet(() -> notFound(id, path, type)));
        }
        ObjectNode out = Json.object();
        out.set("objects", found);
        return Response.ok(out);
    }

    private static ObjectNode notFound(String id, String path, String type) {
        ObjectNode entry = Json.object();
        if (id != null) {
            entry.put("id", id);
        } else {
            entry.put("path", path);
            entry.put("type", type.toUpperCase(Locale.ROOT));
        }
        entry.putObject("error").put("code", ErrorCodes.NOT_FOUND).put("message", id != null
                ? "No object with id " + id + "." : "No object of type " + type + " at path '" + path + "'.");
        return entry;
    }

    private Response objects(Request request) {
        auth.require(request);
        Predicate<Asset> filter = ObjectQuery.parse(request.query("q"));
        int limit = (int) Math.min(Integer.MAX_VALUE, request.queryNumber("limit", MAX_LIMIT));
        int skip = (int) Math.min(Integer.MAX_VALUE, request.queryNumber("skip", 0));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("'limit' must be between 1 and " + MAX_LIMIT + ".");
        }
        List<Asset> matching = assets.all().stream().filter(filter).toList();
        ObjectNode out = Json.object();
        out.put("count", matching.size());
        ArrayNode list = out.putArray("objects");
        matching.stream().skip(skip).limit(limit).forEach(a -> list.add(a.json()));
        return Response.ok(out);
    }
}
