package co.plaza.media.command.web;

import co.plaza.media.command.MediaSweep;

import co.plaza.platform.context.Caller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code POST /api/admin/media/sweep/}: run the sweep now and see what it found (admins only). */
@RestController
public class MediaAdminController {

    private final MediaSweep sweep;

    public MediaAdminController(MediaSweep sweep) {
        this.sweep = sweep;
    }

    @PostMapping("/api/admin/media/sweep")
    public Map<String, Object> sweep(Caller caller) {
        caller.requireStaff();
        MediaSweep.Report report = sweep.sweep();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checked_blobs", report.checkedBlobs());
        json.put("checked_media", report.checkedMedia());
        json.put("orphan_blobs_removed", report.removedBlobs());
        json.put("media_without_blob", report.missingBlobs());
        return json;
    }
}
